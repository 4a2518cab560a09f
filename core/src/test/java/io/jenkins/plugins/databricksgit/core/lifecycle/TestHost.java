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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A host with in-memory build stores, a real registry file, and clients against the emulator. Pushes use the
 * workspace as configured now ({@link #client()}); removals use what the push recorded, as the Jenkins host does: the
 * recorded workspace URL, and the Databricks token of the recorded credential id ({@link #credentials}), or the
 * configured token when the push recorded none.
 */
final class TestHost implements LifecycleHost {
    final Map<String, MemoryStore> stores = new ConcurrentHashMap<>();
    final Set<String> building = ConcurrentHashMap.newKeySet();
    /** Jenkins credential id to Databricks token, as a removal resolves it. */
    final Map<String, String> credentials = new ConcurrentHashMap<>();

    final PendingRemovalFile registry;
    private volatile String workspaceUrl;
    private volatile String databricksToken;

    TestHost(String workspaceUrl, String databricksToken, Path registryFile) {
        this.workspaceUrl = workspaceUrl;
        this.databricksToken = databricksToken;
        this.registry = new PendingRemovalFile(registryFile);
    }

    void databricksToken(String token) {
        this.databricksToken = token;
    }

    /** An administrator points the workspace elsewhere. */
    void workspaceUrl(String url) {
        this.workspaceUrl = url;
    }

    DatabricksClient client() {
        return client(workspaceUrl, databricksToken);
    }

    static DatabricksClient client(String workspaceUrl, String databricksToken) {
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
        String id = removal.databricksCredentialsId();
        String token = id == null ? databricksToken : credentials.get(id);
        if (token == null) {
            throw new IllegalStateException("The Databricks credential '" + id + "' no longer exists.");
        }
        return new Target(client(removal.workspaceUrl(), token), removal.servicePrincipal());
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
    public void saveRegistry(PendingRemovalFile.Contents contents) throws IOException {
        registry.write(contents);
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
