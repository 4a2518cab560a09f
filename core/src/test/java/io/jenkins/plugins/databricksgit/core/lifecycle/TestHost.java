package io.jenkins.plugins.databricksgit.core.lifecycle;

import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksAuth;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.Target;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A host with in-memory build stores, a real registry file, and clients against the emulator. */
final class TestHost implements LifecycleHost {
    final Map<String, MemoryStore> stores = new ConcurrentHashMap<>();
    final Set<String> building = ConcurrentHashMap.newKeySet();
    final PendingRemovalFile registry;
    private final String workspaceUrl;
    private volatile String databricksToken;

    TestHost(String workspaceUrl, String databricksToken, Path registryFile) {
        this.workspaceUrl = workspaceUrl;
        this.databricksToken = databricksToken;
        this.registry = new PendingRemovalFile(registryFile);
    }

    void databricksToken(String token) {
        this.databricksToken = token;
    }

    DatabricksClient client() {
        return new DatabricksClient(
                WorkspaceUrl.parse(workspaceUrl),
                DatabricksAuth.bearerToken(SecretValue.of(databricksToken)),
                ClientSettings.builder()
                        .maxAttempts(1)
                        .readTimeout(Duration.ofSeconds(10))
                        .build());
    }

    MemoryStore store(String buildId, Consumer<List<PendingRemoval>> onPut) {
        MemoryStore store = new MemoryStore(onPut);
        stores.put(buildId, store);
        building.add(buildId);
        return store;
    }

    /** Runs when a removal attempt asks for its target, i.e. before it sends anything. */
    volatile Runnable beforeRemoval = () -> {};

    @Override
    public Target target(PendingRemoval removal) {
        beforeRemoval.run();
        return new Target(client(), removal.servicePrincipal());
    }

    @Override
    public RemovalStore store(String buildId) {
        RemovalStore store = stores.get(buildId);
        return store == null ? RemovalStore.NONE : store;
    }

    @Override
    public boolean isBuilding(String buildId) {
        return building.contains(buildId);
    }

    @Override
    public void saveRegistry(Collection<PendingRemoval> removals) throws IOException {
        registry.write(removals);
    }

    static final class MemoryStore implements RemovalStore {
        private final Map<String, PendingRemoval> records = new ConcurrentHashMap<>();
        private final Consumer<List<PendingRemoval>> onPut;

        MemoryStore(Consumer<List<PendingRemoval>> onPut) {
            this.onPut = onPut;
        }

        @Override
        public void put(PendingRemoval removal) {
            records.put(removal.id(), removal);
            onPut.accept(list());
        }

        @Override
        public void delete(String id) {
            records.remove(id);
        }

        @Override
        public List<PendingRemoval> list() {
            return new ArrayList<>(records.values());
        }
    }
}
