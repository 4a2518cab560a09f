package io.jenkins.plugins.databricksgit.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksAuth;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.Target;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import io.jenkins.plugins.databricksgit.core.lifecycle.Cleanup;
import io.jenkins.plugins.databricksgit.core.lifecycle.CredentialLifecycle;
import io.jenkins.plugins.databricksgit.core.lifecycle.LifecycleHost;
import io.jenkins.plugins.databricksgit.core.lifecycle.LifecycleSettings;
import io.jenkins.plugins.databricksgit.core.lifecycle.PendingRemoval;
import io.jenkins.plugins.databricksgit.core.lifecycle.PendingRemovalFile;
import io.jenkins.plugins.databricksgit.core.lifecycle.PushSpec;
import io.jenkins.plugins.databricksgit.core.lifecycle.Pushed;
import io.jenkins.plugins.databricksgit.core.lifecycle.RemovalStore;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.MutableClock;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a pending removal targets, through the Jenkins glue ({@link JenkinsStepsBackend#removalTarget}) and the real
 * workspace configuration class, with the lifecycle and the emulator behind: the workspace URL and Databricks
 * credential the push used, whatever an administrator changed in Manage Jenkins meanwhile.
 */
@ExtendWith(QuietControllerLog.class)
class RemovalTargetTest {
    /** The global configuration without a controller: nothing to load or save. */
    static final class Configuration extends DatabricksWorkspaces {
        @Override
        public synchronized void load() {}

        @Override
        public synchronized void save() {}
    }

    private final MutableClock clock = new MutableClock();
    private final Configuration config = new Configuration();
    /** Jenkins credential id to Databricks token, as a build finds them. */
    private final Map<String, String> jenkinsCredentials = new ConcurrentHashMap<>();

    private final List<String> log = new CopyOnWriteArrayList<>();
    private DatabricksEmulator prod;
    private DatabricksEmulator other;
    private EmulatedPrincipal ciBot;
    private String token;
    private CredentialLifecycle lifecycle;
    private final Map<String, PendingRemoval> buildStore = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        prod = DatabricksEmulator.start();
        other = DatabricksEmulator.start();
        ciBot = prod.addServicePrincipal(8573549053511L, "6f1d2a3b-0000-4000-8000-000000000001", "ci-bot");
        token = prod.addBitbucketRepositoryToken("acme", "app", Set.of("repository"));
        jenkinsCredentials.put("prod-pat", prod.issuePat(ciBot));
        config.setWorkspaces(List.of(new DatabricksWorkspace("prod", prod.url(), "prod-pat")));
        lifecycle = new CredentialLifecycle(
                new GitCredentialEngine(),
                new Host(),
                new LifecycleSettings(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(8), clock));
    }

    @AfterEach
    void tearDown() {
        lifecycle.close();
        prod.close();
        other.close();
        assertThat(log).noneMatch(l -> l.contains(token));
    }

    /** A client as {@code DatabricksWorkspaces.client} makes it: the credential looked up from the build. */
    private DatabricksClient client(DatabricksWorkspace workspace) throws AbortException {
        String pat = jenkinsCredentials.get(workspace.getCredentialsId());
        if (pat == null) {
            throw new AbortException("Credential '" + workspace.getCredentialsId() + "' of Databricks workspace '"
                    + workspace.getName() + "' was not found from this job.");
        }
        return new DatabricksClient(
                WorkspaceUrl.parse(workspace.getUrl()),
                DatabricksAuth.bearerToken(SecretValue.of(pat)),
                ClientSettings.builder().maxAttempts(1).build());
    }

    /** The push as the steps make it: the workspace resolved by name now, its credential recorded. */
    private Pushed push(String build) throws Exception {
        DatabricksWorkspace workspace = config.resolve("prod", "ops/app");
        return lifecycle.push(
                new PushSpec(
                        build,
                        build,
                        Cleanup.AT_BUILD_END,
                        "prod",
                        workspace.getCredentialsId(),
                        null,
                        new Target(client(workspace), null),
                        BitbucketToken.of(token, "acme", "app"),
                        null,
                        null,
                        null,
                        null),
                store(),
                log::add);
    }

    @Test
    void anEditedWorkspaceNeitherRedirectsNorBreaksAPendingRemoval() throws Exception {
        push("app#1");
        EmulatedPrincipal elsewhere = other.addServicePrincipal(ciBot.id(), ciBot.applicationId(), "ci-bot");
        jenkinsCredentials.put("other-pat", other.issuePat(elsewhere));
        config.setWorkspaces(List.of(new DatabricksWorkspace("prod", other.url(), "other-pat")));
        other.resetCounts();

        lifecycle.buildCompleted("app#1", store(), log::add);

        assertThat(prod.gitCredentials(ciBot)).isEmpty();
        assertThat(other.requestCounts().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .as("nothing sent to the newly configured workspace")
                .isZero();
        assertThat(log).last().asString().startsWith("[databricks-git-credential] Removed Git credential ");
    }

    @Test
    void aRemovedWorkspaceConfigurationDoesNotBreakAPendingRemoval() throws Exception {
        push("app#2");
        config.setWorkspaces(List.of());

        lifecycle.buildCompleted("app#2", store(), log::add);

        assertThat(prod.gitCredentials(ciBot)).isEmpty();
    }

    @Test
    void aDatabricksCredentialRemovedByAnAdministratorGivesAClearEntryForTheAdministrators() throws Exception {
        Pushed pushed = push("app#3");
        jenkinsCredentials.remove("prod-pat");

        lifecycle.buildCompleted("app#3", store(), log::add);

        assertThat(prod.gitCredentials(ciBot)).hasSize(1);
        String expected = "The Jenkins credential 'prod-pat' that build app#3 used for Databricks workspace prod can no"
                + " longer be found from that build (Credential 'prod-pat' of Databricks workspace 'prod' was not"
                + " found from this job.). Restore it and choose Retry now, or remove Git credential "
                + pushed.credentialId() + " of ci-bot (8573549053511) on " + prod.url()
                + " in Databricks by hand and dismiss this entry.";
        assertThat(lifecycle.backgroundRemovals()).singleElement().satisfies(s -> {
            assertThat(s.why()).isEqualTo(PendingRemoval.Why.RETRYING);
            assertThat(s.removal().lastError()).isEqualTo(expected);
        });

        jenkinsCredentials.put("prod-pat", prod.issuePat(ciBot));
        assertThat(lifecycle.retryNow(pushed.removalId())).isTrue();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!lifecycle.pending().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(prod.gitCredentials(ciBot)).isEmpty();
    }

    @Test
    void aRemovalRecordedWithoutItsCredentialTakesTheConfiguredWorkspacesCredentialAtTheRecordedUrl() {
        PendingRemoval legacy = PendingRemoval.builder()
                .id("old")
                .buildId("app#4")
                .when(PendingRemoval.When.BUILD_END)
                .workspace("prod")
                .workspaceUrl(prod.url())
                .build();
        config.setWorkspaces(List.of(new DatabricksWorkspace("prod", other.url(), "prod-pat")));

        Target target = JenkinsStepsBackend.removalTarget(legacy, config::getWorkspace, this::client);

        assertThat(target.client().workspace().url()).isEqualTo(prod.url());
        assertThat(target.servicePrincipal()).isNull();
    }

    private RemovalStore store() {
        return new RemovalStore() {
            @Override
            public void put(PendingRemoval removal) {
                buildStore.put(removal.id(), removal);
            }

            @Override
            public void delete(String id) {
                buildStore.remove(id);
            }

            @Override
            public List<PendingRemoval> list() {
                return new ArrayList<>(buildStore.values());
            }
        };
    }

    private final class Host implements LifecycleHost {
        @Override
        public Target target(PendingRemoval removal) {
            return JenkinsStepsBackend.removalTarget(removal, config::getWorkspace, RemovalTargetTest.this::client);
        }

        @Override
        public RemovalStore store(String buildId) {
            return RemovalTargetTest.this.store();
        }

        @Override
        public boolean isBuilding(String buildId) {
            return false;
        }

        @Override
        public void saveRegistry(PendingRemovalFile.Contents contents) {}
    }
}
