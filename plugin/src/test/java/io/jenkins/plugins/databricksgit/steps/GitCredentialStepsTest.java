package io.jenkins.plugins.databricksgit.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import hudson.AbortException;
import hudson.console.ConsoleLogFilter;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.core.lifecycle.PendingRemoval;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.MutableClock;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jenkins glue driven through fakes of the abstract contracts ({@code StepContext}, {@code BodyInvoker},
 * {@code TaskListener}), with the real lifecycle and engine against the emulator behind. What the base classes do
 * in Jenkins ({@code run(...)} on a pool thread, {@code TailCall.onSuccess/onFailure} calling {@code finished}) is
 * played by the test itself, calling the methods they would call.
 */
@ExtendWith(QuietControllerLog.class)
class GitCredentialStepsTest {
    private static final String PREFIX = "[databricks-git-credential] ";

    @TempDir
    Path dir;

    private DatabricksEmulator emulator;
    private EmulatedPrincipal ciBot;
    private String token;
    private String otherToken;
    private String pat;
    private final MutableClock clock = new MutableClock();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> buildXml = FakeBackend.newBuildXml();
    private final Set<String> building = ConcurrentHashMap.newKeySet();
    private FakeBackend backend;
    private final List<Object> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        emulator = DatabricksEmulator.start();
        ciBot = emulator.addServicePrincipal(8573549053511L, "6f1d2a3b-0000-4000-8000-000000000001", "ci-bot");
        token = emulator.addBitbucketRepositoryToken("acme", "app", Set.of("repository"));
        otherToken = emulator.addBitbucketRepositoryToken("acme", "other", Set.of("repository"));
        pat = emulator.issuePat(ciBot);
        tokens.put("bb-repo-token", token);
        tokens.put("bb-other-token", otherToken);
        backend = newBackend();
        StepsRuntime.set(backend);
        FakeStepContext.LISTENERS.clear();
        FakeStepContext.OUTCOMES.clear();
    }

    private FakeBackend newBackend() {
        return new FakeBackend(emulator.url(), pat, tokens, buildXml, building, dir.resolve("pending.json"), clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        backend.lifecycle().close();
        StepsRuntime.set(null);
        emulator.close();
        assertNoLeak();
    }

    /** The canary: the token is in no log line, exception, build.xml, registry file or serialized state. */
    private void assertNoLeak() throws Exception {
        List<String> texts = new ArrayList<>();
        FakeStepContext.LISTENERS.values().forEach(l -> texts.addAll(l.lines()));
        FakeStepContext.OUTCOMES.values().forEach(o -> o.failures.forEach(t -> texts.add(stackTraceOf(t))));
        texts.addAll(buildXml.values());
        if (Files.exists(dir.resolve("pending.json"))) {
            texts.add(Files.readString(dir.resolve("pending.json")));
        }
        for (Object o : seen) {
            texts.add(o instanceof Throwable t ? stackTraceOf(t) : String.valueOf(o));
        }
        for (String secret : List.of(token, otherToken)) {
            assertThat(texts).noneMatch(t -> t.contains(secret));
        }
        assertThat(texts).noneMatch(t -> t.contains("\tat ") && !t.contains("Exception"));
    }

    private static String stackTraceOf(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private List<StoredGitCredential> credentials() {
        return emulator.gitCredentials(ciBot);
    }

    private static <T extends AbstractGitCredentialStep> T configure(T step) {
        step.setWorkspace("prod");
        return step;
    }

    private GitCredentialStepExecution start(AbstractGitCredentialStep step, String build) throws Exception {
        building.add(build);
        return (GitCredentialStepExecution) step.start(new FakeStepContext(build));
    }

    private static FakeStepContext contextOf(String build) {
        return new FakeStepContext(build);
    }

    private static List<String> log(String build) {
        return contextOf(build).listener().lines();
    }

    /** What Jenkins does when the build completes: our RunListener's work. */
    private void complete(String build) {
        building.remove(build);
        FakeStepContext context = contextOf(build);
        PendingRemovalSafetyNet.completed(backend, new BuildContext(null, context.listener()));
    }

    @Test
    void scriptedPushKeepsTheCredentialAndReturnsItsId() throws Exception {
        GitCredentialStepExecution execution =
                start(configure(new DatabricksGitCredentialStep("bb-repo-token")), "app#1");

        execution.push();

        StoredGitCredential stored = credentials().get(0);
        assertThat(contextOf("app#1").outcome().results).containsExactly(String.valueOf(stored.id()));
        assertThat(log("app#1"))
                .containsExactly(
                        PREFIX + "Created Git credential " + stored.id()
                                + " (bitbucketCloud, x-token-auth) of service principal ci-bot (8573549053511) on "
                                + emulator.url(),
                        PREFIX + "The credential is kept after this build (cleanup is off).");
        assertThat(buildXml.get("app#1")).as("nothing recorded").isNull();

        complete("app#1");
        assertThat(credentials()).hasSize(1);
    }

    @Test
    void cleanupTrueRemovesWhenTheBuildCompletesWhateverItsResult() throws Exception {
        DatabricksGitCredentialStep step = configure(new DatabricksGitCredentialStep("bb-repo-token"));
        step.setCleanup(true);
        GitCredentialStepExecution execution = start(step, "app#2");

        execution.push();
        assertThat(log("app#2"))
                .contains(
                        PREFIX + "The credential will be removed when the build completes, whatever its" + " result.");
        assertThat(backend.store("app#2").list()).hasSize(1);

        complete("app#2");

        assertThat(credentials()).isEmpty();
        assertThat(backend.store("app#2").list()).isEmpty();
        assertThat(log("app#2")).last().asString().startsWith(PREFIX + "Removed Git credential ");
    }

    @Test
    void blockPushesStartsTheBodyWithMaskingAndRemovesOnSuccess() throws Exception {
        GitCredentialStepExecution execution =
                start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#3");

        execution.push();

        FakeStepContext.FakeBodyInvoker body =
                contextOf("app#3").outcome().invokers.get(0);
        assertThat(body.started).isTrue();
        assertThat(contextOf("app#3").outcome().results)
                .as("the body's value comes later")
                .isEmpty();
        assertThat(credentials()).hasSize(1);
        assertThat(log("app#3"))
                .contains(PREFIX + "The credential will be removed when the wrapped steps end, whatever"
                        + " their result.");

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (OutputStream out = body.filter().decorateLogger(null, console)) {
            out.write(("+ git clone https://x-token-auth:" + token + "@bitbucket.org/acme/app.git\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("+ git clone https://x-token-auth:****@bitbucket.org/acme/app.git\n");

        finish(body);

        assertThat(credentials()).isEmpty();
        assertThat(backend.store("app#3").list()).isEmpty();
        assertThat(log("app#3")).last().asString().startsWith(PREFIX + "Removed Git credential ");
    }

    /** What {@code TailCall.onSuccess/onFailure} run on a pool thread in Jenkins, for both outcomes. */
    private static void finish(FakeStepContext.FakeBodyInvoker body) throws Exception {
        ((GitCredentialStepExecution.RemoveAtBlockEnd) body.callback).finished(contextOfBody(body));
    }

    private static FakeStepContext contextOfBody(FakeStepContext.FakeBodyInvoker body) {
        return FakeStepContext.OUTCOMES.entrySet().stream()
                .filter(e -> e.getValue().invokers.contains(body))
                .map(e -> new FakeStepContext(e.getKey()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void blockRemovesWhenTheBodyFailsAndARemovalFailureDoesNotHideTheBodysFailure() throws Exception {
        GitCredentialStepExecution execution =
                start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#4");
        execution.push();
        FakeStepContext.FakeBodyInvoker body =
                contextOf("app#4").outcome().invokers.get(0);
        emulator.inject(Endpoint.GIT_CREDENTIALS_DELETE, Fault.status(500));

        // The body failed; Jenkins calls finished and then fails the step with the body's error. A removal failure
        // must not throw here, or it would be attached to that error instead of being retried.
        finish(body);

        assertThat(log("app#4")).last().asString().startsWith(PREFIX + "Could not remove Git credential ");
        assertThat(credentials()).hasSize(1);
        assertThat(backend.lifecycle().hasFailedRemovals()).isTrue();
    }

    @Test
    void abortDuringTheBodyRemovesRightAwayAndOnlyOnce() throws Exception {
        GitCredentialStepExecution execution =
                start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#5");
        execution.push();
        FakeStepContext.FakeBodyInvoker body =
                contextOf("app#5").outcome().invokers.get(0);

        execution.onStop();
        awaitNoCredentials();
        // The removal is logged just after Databricks answers, on the removing thread.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (log("app#5").stream().noneMatch(l -> l.contains("Removed")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        finish(body);
        complete("app#5");
        assertThat(log("app#5")).filteredOn(l -> l.contains("Removed")).hasSize(1);
        assertThat(backend.store("app#5").list()).isEmpty();
    }

    private void awaitNoCredentials() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!credentials().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(credentials()).isEmpty();
    }

    @Test
    void abortDuringThePushIsCleanedUpWhenTheBuildCompletes() throws Exception {
        GitCredentialStepExecution execution =
                start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#6");
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.latency(Duration.ofMillis(1500)));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread pool = new Thread(() -> {
            try {
                execution.push();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        pool.start();
        while (emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE) == 0) {
            Thread.sleep(10);
        }
        // GeneralNonBlockingStepExecution.stop cancels the pool task with interruption.
        pool.interrupt();
        seen.add(outcome.get(30, TimeUnit.SECONDS));

        complete("app#6");

        assertThat(credentials()).isEmpty();
        assertThat(backend.store("app#6").list()).isEmpty();
    }

    @Test
    void hardKillDuringTheBodyIsCleanedUpByTheSafetyNet() throws Exception {
        GitCredentialStepExecution execution =
                start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#7");
        execution.push();
        assertThat(credentials()).hasSize(1);

        // Killed: neither stop nor the body callback runs; the build still completes.
        complete("app#7");

        assertThat(credentials()).isEmpty();
        assertThat(log("app#7")).last().asString().startsWith(PREFIX + "Removed Git credential ");
    }

    @Test
    void failureDuringThePushIsAnAbortExceptionWithTheCauseAndNothingLeft() throws Exception {
        backend.databricksToken("dapi00000000000000000000000000000000");
        GitCredentialStepExecution execution =
                start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#8");

        Throwable failure = catchThrowable(execution::push);
        seen.add(failure);

        assertThat(failure)
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith(PREFIX + "Could not push the Git credential to Databricks workspace prod: ");
        assertThat(failure.getMessage()).contains("token");
        assertThat(contextOf("app#8").outcome().invokers).as("no body").isEmpty();
        assertThat(backend.store("app#8").list()).isEmpty();
        assertThat(credentials()).isEmpty();
    }

    @Test
    void failedRemovalIsShownToAdministratorsAndRetriedInTheBackgroundUntilItSucceeds() throws Exception {
        GitCredentialStepExecution execution =
                start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#9");
        execution.push();
        // Fails at the block's end and again when the build completes.
        emulator.inject(Endpoint.GIT_CREDENTIALS_DELETE, Fault.status(503).times(2));
        finish(contextOf("app#9").outcome().invokers.get(0));
        complete("app#9");
        assertThat(log("app#9")).filteredOn(l -> l.contains("Could not remove")).hasSize(2);

        FailedRemovalsMonitor monitor = new FailedRemovalsMonitor();
        assertThat(monitor.isActivated()).isTrue();
        assertThat(monitor.getRemovals()).singleElement().satisfies(s -> {
            PendingRemoval r = s.removal();
            assertThat(r.buildId()).isEqualTo("app#9");
            assertThat(r.workspaceLabel()).isEqualTo("prod");
            assertThat(r.principalLabel()).isEqualTo("ci-bot (8573549053511)");
            assertThat(r.credentialId()).isEqualTo(credentials().get(0).id());
            assertThat(r.lastError()).isNotBlank();
            assertThat(monitor.why(s)).isEqualTo("Retrying after an error.");
            assertThat(monitor.nextAttempt(s)).isNotEmpty();
        });

        clock.advance(Duration.ofMinutes(1));
        new PendingRemovalRetry().execute(new FakeListener("retry"));
        assertThat(monitor.isActivated())
                .as("not due: two failures doubled the delay to 2 minutes")
                .isTrue();
        clock.advance(Duration.ofMinutes(1));
        new PendingRemovalRetry().execute(new FakeListener("retry"));

        assertThat(credentials()).isEmpty();
        assertThat(monitor.isActivated()).isFalse();
        assertThat(backend.store("app#9").list()).isEmpty();
    }

    @Test
    void restartMidBodyResumesFromTheSerializedExecutionAndFinishes() throws Exception {
        GitCredentialStepExecution execution =
                start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#10");
        execution.push();
        FakeStepContext.FakeBodyInvoker body =
                contextOf("app#10").outcome().invokers.get(0);
        ConsoleLogFilter filter = body.filter();

        byte[] program = serialize(List.of(execution, body.callback));
        assertThat(new String(program, StandardCharsets.ISO_8859_1)).doesNotContain(token);
        assertSecretOnlyAsSecret(filter, token);
        String savedBuild = buildXml.get("app#10");
        assertThat(savedBuild).contains("PendingRemovalsAction").doesNotContain(token);

        // The controller restarts: a new engine and lifecycle, state only from disk.
        backend.lifecycle().close();
        backend = newBackend().restored();
        StepsRuntime.set(backend);
        @SuppressWarnings("unchecked")
        List<Object> resumed = (List<Object>) deserialize(program);
        GitCredentialStepExecution execution2 = (GitCredentialStepExecution) resumed.get(0);
        assertThat(execution2.removalId()).isEqualTo(execution.removalId());

        // The restored lease still protects the credential from another token meanwhile.
        DatabricksGitCredentialStep other = configure(new DatabricksGitCredentialStep("bb-other-token"));
        other.setWaitTimeout(0);
        Throwable refused = catchThrowable(start(other, "other#1")::push);
        seen.add(refused);
        assertThat(refused).isInstanceOf(AbortException.class).hasMessageContaining("app 10");

        ((GitCredentialStepExecution.RemoveAtBlockEnd) resumed.get(1)).finished(contextOf("app#10"));

        assertThat(credentials()).isEmpty();
        assertThat(backend.store("app#10").list()).isEmpty();
        assertThat(log("app#10")).last().asString().startsWith(PREFIX + "Removed Git credential ");
    }

    /** Walks the object graph: the token may only be reachable inside a {@code Secret}, never as a String. */
    private static void assertSecretOnlyAsSecret(Object root, String secret) throws IllegalAccessException {
        Map<Object, Boolean> visited = new IdentityHashMap<>();
        List<Object> todo = new ArrayList<>(List.of(root));
        boolean sawSecret = false;
        while (!todo.isEmpty()) {
            Object o = todo.remove(todo.size() - 1);
            if (o == null || visited.put(o, true) != null) {
                continue;
            }
            if (o instanceof Secret) {
                sawSecret = true;
                continue;
            }
            if (o instanceof String s) {
                assertThat(s).doesNotContain(secret);
                continue;
            }
            for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    f.setAccessible(true);
                    todo.add(f.get(o));
                }
            }
        }
        assertThat(sawSecret).as("the filter holds the token as a Secret").isTrue();
    }

    private static byte[] serialize(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>((List<?>) o));
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    @Test
    void twoBuildsWithTheSameTokenShareAndTheLastOneRemoves() throws Exception {
        GitCredentialStepExecution a = start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#11");
        GitCredentialStepExecution b = start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#12");
        a.push();
        b.push();
        assertThat(credentials()).hasSize(1);

        finish(contextOf("app#11").outcome().invokers.get(0));
        assertThat(log("app#11")).last().asString().startsWith(PREFIX + "Kept Git credential ");
        assertThat(credentials()).hasSize(1);

        finish(contextOf("app#12").outcome().invokers.get(0));
        assertThat(credentials()).isEmpty();
    }

    @Test
    void aBuildWithAnotherTokenWaitsAndSaysForWhom() throws Exception {
        GitCredentialStepExecution a = start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#13");
        a.push();
        WithDatabricksGitCredentialStep otherStep = configure(new WithDatabricksGitCredentialStep("bb-other-token"));
        otherStep.setWaitTimeout(30);
        GitCredentialStepExecution b = start(otherStep, "other#14");
        CompletableFuture<Void> pushing = CompletableFuture.runAsync(() -> {
            try {
                b.push();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log("other#14").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(log("other#14")).first().asString().startsWith(PREFIX + "Waiting for app 13 to finish");

        finish(contextOf("app#13").outcome().invokers.get(0));
        pushing.get(30, TimeUnit.SECONDS);

        assertThat(credentials()).singleElement().satisfies(c -> assertThat(c.token())
                .isEqualTo(otherToken));
        finish(contextOf("other#14").outcome().invokers.get(0));
        assertThat(credentials()).isEmpty();
    }

    @Test
    void freestyleWrapperPushesMasksAndRemovesOnSuccessAndOnFailure() throws Exception {
        for (String build : List.of("freestyle#1 (SUCCESS)", "freestyle#2 (FAILURE)")) {
            DatabricksGitCredentialBuildWrapper wrapper = new DatabricksGitCredentialBuildWrapper("bb-repo-token");
            wrapper.setWorkspace("prod");
            assertThat(wrapper.requiresWorkspace()).isFalse();
            FakeListener listener = contextOf(build).listener();
            building.add(build);

            ConsoleLogFilter masking = wrapper.createLoggerDecorator(null);
            var disposer = wrapper.push(null, listener);
            assertThat(credentials()).hasSize(1);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            try (OutputStream out = masking.decorateLogger(null, console)) {
                out.write(("echo " + token + "\n").getBytes(StandardCharsets.UTF_8));
            }
            assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("echo ****\n");
            byte[] saved = serialize(List.of(disposer));
            assertThat(new String(saved, StandardCharsets.ISO_8859_1)).doesNotContain(token);

            // The Disposer runs whatever the build's result.
            disposer.tearDown(null, listener);

            assertThat(credentials()).isEmpty();
            assertThat(listener.lines()).first().asString().startsWith(PREFIX + "Created Git credential ");
            assertThat(listener.lines()).last().asString().startsWith(PREFIX + "Removed Git credential ");
        }
    }

    @Test
    void freestyleWrapperFailingToPushFailsTheBuildAndLeavesNothing() throws Exception {
        DatabricksGitCredentialBuildWrapper wrapper = new DatabricksGitCredentialBuildWrapper("bb-repo-token");
        wrapper.setWorkspace("prod");
        backend.databricksToken("dapi00000000000000000000000000000000");

        Throwable failure =
                catchThrowable(() -> wrapper.push(null, contextOf("freestyle#3").listener()));
        seen.add(failure);

        assertThat(failure).isInstanceOf(AbortException.class).hasMessageStartingWith(PREFIX);
        assertThat(backend.store("freestyle#3").list()).isEmpty();
    }

    @Test
    void everyPushOfAStepTypeLogsWhatHappensToTheCredential() throws Exception {
        StepExecution keep = start(configure(new DatabricksGitCredentialStep("bb-repo-token")), "app#15");
        ((GitCredentialStepExecution) keep).push();
        assertThat(log("app#15")).anyMatch(l -> l.contains("kept after this build"));
    }

    @Test
    void aServicePrincipalGivenByNameFailsTheBlockWithOneLineAndLeavesNothingBehind() throws Exception {
        WithDatabricksGitCredentialStep step = configure(new WithDatabricksGitCredentialStep("bb-repo-token"));
        step.setServicePrincipal("deploy-bot");
        building.add("app#20");

        // What Jenkins does: start the execution; it checks the inputs before handing the push to a pool thread.
        Throwable failure =
                catchThrowable(() -> step.start(new FakeStepContext("app#20")).start());
        seen.add(failure);

        assertThat(failure)
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith(PREFIX + "servicePrincipal must be the service principal's application id")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("deploy-bot");
        assertThat(buildXml.get("app#20")).isNull();
        assertThat(backend.lifecycle().pending()).isEmpty();
        assertThat(emulator.requestCounts().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isZero();
        complete("app#20");
        assertThat(new FailedRemovalsMonitor().isActivated()).isFalse();
    }

    @Test
    void aKeptTokenFoundByABlockIsLeftAndACreatedOneRemovedAlsoAfterARestart() throws Exception {
        start(configure(new DatabricksGitCredentialStep("bb-repo-token")), "app#21")
                .push();
        long keptId = credentials().get(0).id();

        // The controller restarts: the keep comes back from the registry file.
        backend.lifecycle().close();
        backend = newBackend().restored();
        StepsRuntime.set(backend);
        start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#22")
                .push();
        finish(contextOf("app#22").outcome().invokers.get(0));

        assertThat(credentials()).singleElement().satisfies(c -> assertThat(c.id())
                .isEqualTo(keptId));
        assertThat(log("app#22")).last().asString().endsWith(": app 21 asked to keep it.");

        // Someone deletes the kept credential; the next block creates it, and so removes it.
        emulator.gitCredentials(ciBot).forEach(c -> deleteDirectly(c.id()));
        start(configure(new WithDatabricksGitCredentialStep("bb-repo-token")), "app#23")
                .push();
        finish(contextOf("app#23").outcome().invokers.get(0));

        assertThat(credentials()).isEmpty();
        assertThat(log("app#23")).last().asString().startsWith(PREFIX + "Removed Git credential ");
    }

    private void deleteDirectly(long id) {
        try {
            new io.jenkins.plugins.databricksgit.core.DatabricksClient(
                            io.jenkins.plugins.databricksgit.core.WorkspaceUrl.parse(emulator.url()),
                            io.jenkins.plugins.databricksgit.core.DatabricksAuth.bearerToken(
                                    io.jenkins.plugins.databricksgit.core.SecretValue.of(pat)),
                            null)
                    .deleteGitCredential(id, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
