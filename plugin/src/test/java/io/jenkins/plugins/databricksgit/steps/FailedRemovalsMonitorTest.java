package io.jenkins.plugins.databricksgit.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.MutableClock;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

/** The administrators' list: what it shows, and that only administrators act on it, by POST. */
@ExtendWith(QuietControllerLog.class)
class FailedRemovalsMonitorTest {
    /** Jenkins as far as the permission check sees it, with a fixed answer. */
    static final class Root implements AccessControlled {
        private final boolean administer;
        int checks;

        Root(boolean administer) {
            this.administer = administer;
        }

        @Override
        public ACL getACL() {
            throw new AssertionError("permission must be asked through checkPermission");
        }

        @Override
        public void checkPermission(Permission permission) {
            checks++;
            if (!administer) {
                throw new AccessDeniedException("anonymous is missing the Overall/Administer permission");
            }
        }
    }

    @TempDir
    Path dir;

    private DatabricksEmulator emulator;
    private EmulatedPrincipal ciBot;
    private FakeBackend backend;
    private final MutableClock clock = new MutableClock();
    private final Root admin = new Root(true);
    private final Root anonymous = new Root(false);

    @BeforeEach
    void setUp() throws Exception {
        emulator = DatabricksEmulator.start();
        ciBot = emulator.addServicePrincipal(8573549053511L, "6f1d2a3b-0000-4000-8000-000000000001", "ci-bot");
        Map<String, String> tokens = new ConcurrentHashMap<>();
        tokens.put("bb-repo-token", emulator.addBitbucketRepositoryToken("acme", "app", Set.of("repository")));
        backend = new FakeBackend(
                emulator.url(),
                emulator.issuePat(ciBot),
                tokens,
                FakeBackend.newBuildXml(),
                ConcurrentHashMap.newKeySet(),
                dir.resolve("pending.json"),
                clock);
        StepsRuntime.set(backend);
        FakeStepContext.LISTENERS.clear();
        FakeStepContext.OUTCOMES.clear();
    }

    @AfterEach
    void tearDown() {
        backend.lifecycle().close();
        StepsRuntime.set(null);
        emulator.close();
    }

    /** A block whose removal failed: the background retry owns it. */
    private String failedRemoval(String build) throws Exception {
        WithDatabricksGitCredentialStep step = new WithDatabricksGitCredentialStep("bb-repo-token");
        step.setWorkspace("prod");
        GitCredentialStepExecution execution = (GitCredentialStepExecution) step.start(new FakeStepContext(build));
        execution.push();
        emulator.inject(Endpoint.GIT_CREDENTIALS_DELETE, Fault.status(503));
        execution.removeAtBlockEnd(new FakeStepContext(build));
        return execution.removalId();
    }

    @Test
    void showsWhyEachRemovalIsPendingAndWhenItIsTriedNext() throws Exception {
        failedRemoval("app#1");
        FailedRemovalsMonitor monitor = new FailedRemovalsMonitor(() -> admin);

        assertThat(monitor.isActivated()).isTrue();
        assertThat(monitor.getRemovals()).singleElement().satisfies(s -> {
            assertThat(s.removal().buildId()).isEqualTo("app#1");
            assertThat(monitor.why(s)).isEqualTo("Retrying after an error.");
            assertThat(monitor.nextAttempt(s)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} .+");
        });
    }

    @Test
    void retryNowAndDismissNeedAdministerAndChangeNothingWithout() throws Exception {
        String id = failedRemoval("app#2");
        FailedRemovalsMonitor monitor = new FailedRemovalsMonitor(() -> anonymous);

        assertThatThrownBy(() -> monitor.retryNow(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> monitor.dismiss(id)).isInstanceOf(AccessDeniedException.class);

        assertThat(anonymous.checks).isEqualTo(2);
        assertThat(backend.lifecycle().pending()).hasSize(1);
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_DELETE)).isEqualTo(1);
    }

    @Test
    void retryNowRemovesAtOnceWhateverTheDelay() throws Exception {
        String id = failedRemoval("app#3");
        FailedRemovalsMonitor monitor = new FailedRemovalsMonitor(() -> admin);

        assertThat(monitor.retryNow(id)).isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!backend.lifecycle().pending().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(emulator.gitCredentials(ciBot)).isEmpty();
        assertThat(monitor.isActivated()).isFalse();
        assertThat(admin.checks).isEqualTo(1);
        assertThat(monitor.retryNow(id)).as("nothing left").isFalse();
    }

    @Test
    void dismissStopsTheRetriesAndLeavesTheCredential() throws Exception {
        String id = failedRemoval("app#4");
        FailedRemovalsMonitor monitor = new FailedRemovalsMonitor(() -> admin);

        assertThat(monitor.dismiss(id)).isTrue();

        assertThat(monitor.isActivated()).isFalse();
        assertThat(emulator.gitCredentials(ciBot)).hasSize(1);
        assertThat(monitor.dismiss(null)).isFalse();
    }

    @Test
    void theActionsAreReachableByPostOnly() throws Exception {
        for (String name : new String[] {"doRetryNow", "doDismiss"}) {
            Method m = FailedRemovalsMonitor.class.getMethod(name, String.class);
            assertThat(m.isAnnotationPresent(POST.class)).as(name).isTrue();
        }
    }
}
