package io.jenkins.plugins.databricksgit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.Target;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.MutableClock;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(QuietControllerLog.class)
class CredentialLifecycleTest {
    @TempDir
    Path dir;

    private DatabricksEmulator emulator;
    private EmulatedPrincipal ciBot;
    private String token;
    private String otherToken;
    private String databricksPat;
    private TestHost host;
    private MutableClock clock;
    private GitCredentialEngine engine;
    private CredentialLifecycle lifecycle;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Object> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        emulator = DatabricksEmulator.start();
        ciBot = emulator.addServicePrincipal(8573549053511L, "6f1d2a3b-0000-4000-8000-000000000001", "ci-bot");
        token = emulator.addBitbucketRepositoryToken("acme", "app", Set.of("repository"));
        otherToken = emulator.addBitbucketRepositoryToken("acme", "other", Set.of("repository"));
        databricksPat = emulator.issuePat(ciBot);
        host = new TestHost(emulator.url(), databricksPat, dir.resolve("pending.json"));
        clock = new MutableClock();
        engine = new GitCredentialEngine();
        lifecycle = newLifecycle(engine, Duration.ofSeconds(5));
    }

    private CredentialLifecycle newLifecycle(GitCredentialEngine engine, Duration completionTimeout) {
        return new CredentialLifecycle(
                engine,
                host,
                new LifecycleSettings(completionTimeout, Duration.ofMinutes(1), Duration.ofMinutes(8), clock));
    }

    @AfterEach
    void tearDown() throws Exception {
        lifecycle.close();
        emulator.close();
        assertNoLeak();
    }

    /** The canary: the token is in no log line, exception, persisted record or registry file. */
    private void assertNoLeak() throws Exception {
        String registryFile = Files.exists(host.registry.path()) ? Files.readString(host.registry.path()) : "";
        for (String secret : List.of(token, otherToken)) {
            assertThat(log).noneMatch(line -> line.contains(secret));
            assertThat(registryFile).doesNotContain(secret);
            for (Object o : seen) {
                assertThat(String.valueOf(o)).doesNotContain(secret);
                if (o instanceof Throwable t) {
                    assertThat(stackTraceOf(t)).doesNotContain(secret);
                } else if (o instanceof PendingRemoval r) {
                    assertThat(new String(serialize(r), StandardCharsets.ISO_8859_1))
                            .doesNotContain(secret);
                }
            }
        }
    }

    private static String stackTraceOf(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    private static byte[] serialize(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private TestHost.MemoryStore build(String buildId) {
        return host.store(buildId, records -> seen.addAll(records));
    }

    private PushSpec spec(String buildId, Cleanup cleanup, String bitbucketToken, Duration wait) {
        return new PushSpec(
                buildId,
                buildId.replace('#', ' '),
                cleanup,
                "prod",
                null,
                null,
                new Target(host.client(), null),
                BitbucketToken.of(bitbucketToken, "acme", "app"),
                null,
                null,
                null,
                wait);
    }

    private List<StoredGitCredential> credentials() {
        return emulator.gitCredentials(ciBot);
    }

    @Test
    void keptPushRecordsNothingAndSaysSo() throws Exception {
        TestHost.MemoryStore store = build("app#1");
        Pushed pushed = lifecycle.push(spec("app#1", Cleanup.KEEP, token, null), store, log::add);

        assertThat(pushed.removalId()).isNull();
        assertThat(store.list()).isEmpty();
        assertThat(credentials()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(pushed.credentialId());
            assertThat(c.gitProvider()).isEqualTo("bitbucketCloud");
            assertThat(c.gitUsername()).isEqualTo("x-token-auth");
            assertThat(c.token()).isEqualTo(token);
        });
        assertThat(log)
                .containsExactly(
                        "[databricks-git-credential] Created Git credential " + pushed.credentialId()
                                + " (bitbucketCloud, x-token-auth) of service principal ci-bot (8573549053511) on "
                                + emulator.url(),
                        "[databricks-git-credential] The credential is kept after this build (cleanup is off).");
    }

    @Test
    void blockRecordsTheRemovalBeforeThePushAndRemovesAtItsEnd() throws Exception {
        List<Integer> credentialsAtEachPut = new CopyOnWriteArrayList<>();
        TestHost.MemoryStore store = host.store("app#2", records -> {
            seen.addAll(records);
            credentialsAtEachPut.add(credentials().size());
        });

        Pushed pushed = lifecycle.push(spec("app#2", Cleanup.AT_BLOCK_END, token, null), store, log::add);

        assertThat(credentialsAtEachPut).as("Databricks state at each save").containsExactly(0, 1);
        assertThat(store.list()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(pushed.removalId());
            assertThat(r.state()).isEqualTo(PendingRemoval.State.PUSHED);
            assertThat(r.credentialId()).isEqualTo(pushed.credentialId());
            assertThat(r.lease()).isNotNull();
            assertThat(r.buildId()).isEqualTo("app#2");
            assertThat(r.workspace()).isEqualTo("prod");
        });
        assertThat(host.registry.read()).extracting(PendingRemoval::id).containsExactly(pushed.removalId());
        assertThat(log)
                .contains("[databricks-git-credential] The credential will be removed when the wrapped steps"
                        + " end, whatever their result.");

        assertThat(lifecycle.remove(pushed.removalId(), store, log::add)).isTrue();

        assertThat(credentials()).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(host.registry.read()).isEmpty();
        assertThat(log)
                .last()
                .isEqualTo("[databricks-git-credential] Removed Git credential " + pushed.credentialId()
                        + " (bitbucketCloud, x-token-auth) of ci-bot (8573549053511) on " + emulator.url());
    }

    @Test
    void cleanupAtBuildEndIsRemovedByTheSafetyNet() throws Exception {
        TestHost.MemoryStore store = build("app#3");
        lifecycle.push(spec("app#3", Cleanup.AT_BUILD_END, token, null), store, log::add);
        assertThat(log)
                .contains("[databricks-git-credential] The credential will be removed when the build completes,"
                        + " whatever its result.");
        assertThat(credentials()).hasSize(1);

        lifecycle.buildCompleted("app#3", store, log::add);

        assertThat(credentials()).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(log).last().asString().startsWith("[databricks-git-credential] Removed Git credential ");
    }

    @Test
    void bodyKilledWithoutItsCallbackIsCleanedUpWhenTheBuildCompletes() throws Exception {
        TestHost.MemoryStore store = build("app#4");
        lifecycle.push(spec("app#4", Cleanup.AT_BLOCK_END, token, null), store, log::add);
        // Hard kill: the block's callback never runs; only the build's completion does.

        lifecycle.buildCompleted("app#4", store, log::add);

        assertThat(credentials()).isEmpty();
        assertThat(store.list()).isEmpty();
        lifecycle.buildCompleted("app#4", store, log::add);
        assertThat(log).filteredOn(l -> l.contains("Removed")).hasSize(1);
    }

    @Test
    void pushWhoseAnswerIsLostIsRemovedWhenTheBuildCompletes() throws Exception {
        TestHost.MemoryStore store = build("app#5");
        // The create lands but its answer is lost, and the engine's reconciling update fails too.
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.dropConnectionAfterApplying());
        emulator.inject(Endpoint.GIT_CREDENTIALS_UPDATE, Fault.status(503).times(5));

        Throwable failure =
                catchThrowable(() -> lifecycle.push(spec("app#5", Cleanup.AT_BLOCK_END, token, null), store, log::add));
        seen.add(failure);

        assertThat(failure).isInstanceOf(DatabricksException.class);
        assertThat(credentials()).as("applied although unanswered").hasSize(1);
        assertThat(store.list()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(PendingRemoval.State.PUSHING);
            assertThat(r.lease()).isNull();
        });

        emulator.clearFaults();
        lifecycle.buildCompleted("app#5", store, log::add);

        assertThat(credentials()).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(log).last().asString().startsWith("[databricks-git-credential] Removed Git credential ");
    }

    @Test
    void abortDuringThePushLeavesTheRemovalToTheSafetyNet() throws Exception {
        TestHost.MemoryStore store = build("app#6");
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.latency(Duration.ofMillis(1500)));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread pushing = new Thread(() -> {
            try {
                lifecycle.push(spec("app#6", Cleanup.AT_BLOCK_END, token, null), store, log::add);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        pushing.start();
        awaitCondition("the create was sent", () -> emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE) > 0);
        pushing.interrupt();
        seen.add(outcome.get(30, TimeUnit.SECONDS));
        assertThat(store.list()).as("recorded before the push was sent").isNotEmpty();

        lifecycle.buildCompleted("app#6", store, log::add);

        assertThat(credentials()).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void pushThatCannotHaveReachedDatabricksForgetsItsRecord() throws Exception {
        TestHost.MemoryStore store = build("app#7");
        host.databricksToken("dapi00000000000000000000000000000000");

        Throwable failure =
                catchThrowable(() -> lifecycle.push(spec("app#7", Cleanup.AT_BLOCK_END, token, null), store, log::add));
        seen.add(failure);

        assertThat(failure).isInstanceOf(DatabricksException.class);
        assertThat(((DatabricksException) failure).reason()).isEqualTo(DatabricksException.Reason.INVALID_TOKEN);
        assertThat(store.list()).isEmpty();
        assertThat(lifecycle.pending()).isEmpty();
        assertThat(credentials()).isEmpty();
    }

    @Test
    void failedRemovalIsRetriedWithBackoffUntilItSucceeds() throws Exception {
        TestHost.MemoryStore store = build("app#8");
        Pushed pushed = lifecycle.push(spec("app#8", Cleanup.AT_BLOCK_END, token, null), store, log::add);
        emulator.inject(Endpoint.GIT_CREDENTIALS_DELETE, Fault.status(503).times(2));

        assertThat(lifecycle.remove(pushed.removalId(), store, log::add)).isFalse();

        assertThat(log)
                .last()
                .asString()
                .startsWith("[databricks-git-credential] Could not remove Git credential " + pushed.credentialId())
                .endsWith("It is retried in the background until it is removed or an administrator dismisses it.");
        assertThat(lifecycle.hasFailedRemovals()).isTrue();
        assertThat(lifecycle.failedRemovals()).singleElement().satisfies(r -> {
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.lastError()).isNotBlank();
            assertThat(r.workspaceLabel()).isEqualTo("prod");
            assertThat(r.principalLabel()).isEqualTo("ci-bot (8573549053511)");
        });
        assertThat(store.list()).singleElement().satisfies(r -> assertThat(r.state())
                .isEqualTo(PendingRemoval.State.RETRYING));
        assertThat(host.registry.read()).singleElement().satisfies(r -> assertThat(r.state())
                .isEqualTo(PendingRemoval.State.RETRYING));

        assertThat(lifecycle.retryDue()).as("not due yet").isZero();
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_DELETE)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(lifecycle.retryDue()).as("second failure").isZero();
        assertThat(lifecycle.failedRemovals()).singleElement().satisfies(r -> assertThat(r.attempts())
                .isEqualTo(2));
        assertThat(lifecycle.nextAttempt(pushed.removalId()))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofMinutes(1));
        assertThat(lifecycle.retryDue()).as("backoff doubled").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(lifecycle.retryDue()).isEqualTo(1);

        assertThat(credentials()).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(lifecycle.hasFailedRemovals()).isFalse();
        assertThat(host.registry.read()).isEmpty();
    }

    @Test
    void anAttemptAskedForWhenThePreviousOneCompletesIsANewAttempt() throws Exception {
        CountDownLatch failureRecorded = new CountDownLatch(1);
        CountDownLatch nextChained = new CountDownLatch(1);
        TestHost.MemoryStore store = host.store("app#19", records -> {
            seen.addAll(records);
            if (records.stream().anyMatch(r -> r.state() == PendingRemoval.State.RETRYING)) {
                failureRecorded.countDown();
                awaitQuietly(nextChained);
            }
        });
        Pushed pushed = lifecycle.push(spec("app#19", Cleanup.AT_BLOCK_END, token, null), store, log::add);
        emulator.inject(Endpoint.GIT_CREDENTIALS_DELETE, Fault.status(503));

        CompletableFuture<Boolean> first = lifecycle.removeInBackground(pushed.removalId(), store, log::add);
        // The first attempt is held while it records its failure, so that the next one is chained before the first
        // completes and is asked for at the very moment of its completion.
        assertThat(failureRecorded.await(60, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CompletableFuture<Boolean>> next =
                first.thenApply(failed -> lifecycle.removeInBackground(pushed.removalId(), store, log::add));
        nextChained.countDown();

        assertThat(first.get(60, TimeUnit.SECONDS)).isFalse();
        CompletableFuture<Boolean> second = next.get(60, TimeUnit.SECONDS);
        assertThat(second).as("not the finished attempt").isNotSameAs(first);
        assertThat(second.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_DELETE)).isEqualTo(2);
        assertThat(credentials()).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aRemovalDismissedWhileItsAttemptRunsStaysDismissed() throws Exception {
        TestHost.MemoryStore store = build("app#20");
        Pushed pushed = lifecycle.push(spec("app#20", Cleanup.AT_BLOCK_END, token, null), store, log::add);
        emulator.inject(Endpoint.GIT_CREDENTIALS_DELETE, Fault.status(503));
        CountDownLatch attemptStarted = new CountDownLatch(1);
        CountDownLatch dismissed = new CountDownLatch(1);
        host.beforeRemoval = () -> {
            attemptStarted.countDown();
            awaitQuietly(dismissed);
        };

        CompletableFuture<Boolean> attempt = lifecycle.removeInBackground(pushed.removalId(), store, log::add);
        assertThat(attemptStarted.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lifecycle.dismiss(pushed.removalId())).isTrue();
        dismissed.countDown();

        assertThat(attempt.get(60, TimeUnit.SECONDS)).isFalse();
        assertThat(log).last().asString().endsWith("Its removal was dismissed meanwhile, so it is not retried.");
        assertThat(lifecycle.pending()).isEmpty();
        assertThat(lifecycle.hasFailedRemovals()).isFalse();
        assertThat(lifecycle.nextAttempt(pushed.removalId())).isNull();
        assertThat(store.list()).isEmpty();
        assertThat(host.registry.read()).isEmpty();
        clock.advance(Duration.ofHours(2));
        assertThat(lifecycle.retryDue()).isZero();
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_DELETE)).isEqualTo(1);
        assertThat(credentials()).as("left for the administrator").hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Gave up waiting for the test");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls with a bound far beyond any expected wait: reaching it means the condition never came true. */
    private static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void dismissedRemovalIsNoLongerRetriedOrListed() throws Exception {
        TestHost.MemoryStore store = build("app#9");
        Pushed pushed = lifecycle.push(spec("app#9", Cleanup.AT_BLOCK_END, token, null), store, log::add);
        host.databricksToken("dapi00000000000000000000000000000000");
        lifecycle.remove(pushed.removalId(), store, log::add);
        assertThat(lifecycle.hasFailedRemovals()).isTrue();

        assertThat(lifecycle.dismiss(pushed.removalId())).isTrue();

        assertThat(lifecycle.hasFailedRemovals()).isFalse();
        assertThat(store.list()).isEmpty();
        assertThat(host.registry.read()).isEmpty();
        clock.advance(Duration.ofHours(2));
        assertThat(lifecycle.retryDue()).isZero();
        assertThat(credentials()).as("left for the administrator").hasSize(1);
        assertThat(lifecycle.dismiss(pushed.removalId())).isFalse();
    }

    @Test
    void safetyNetIsBoundedAndHandsSlowRemovalsToTheBackground() throws Exception {
        lifecycle.close();
        lifecycle = newLifecycle(engine, Duration.ofMillis(200));
        TestHost.MemoryStore store = build("app#10");
        lifecycle.push(spec("app#10", Cleanup.AT_BUILD_END, token, null), store, log::add);
        emulator.inject(Endpoint.GIT_CREDENTIALS_DELETE, Fault.latency(Duration.ofSeconds(2)));

        lifecycle.buildCompleted("app#10", store, log::add);

        assertThat(log).last().asString().contains("takes longer than 0 s; it goes on in the background");
        assertThat(store.list()).as("not removed yet when the build finishes").hasSize(1);
        int linesAtFinish = log.size();
        awaitCondition("removed in the background", () -> store.list().isEmpty());
        assertThat(credentials()).isEmpty();
        assertThat(log).as("the build log is closed by then").hasSize(linesAtFinish);
    }

    @Test
    void restartRestoresLeasesAndFinishesTheRemoval() throws Exception {
        TestHost.MemoryStore store = build("app#11");
        Pushed pushed = lifecycle.push(spec("app#11", Cleanup.AT_BLOCK_END, token, null), store, log::add);
        lifecycle.close();

        // A new controller: new engine, new lifecycle, state only from the registry file and the build.
        GitCredentialEngine restarted = new GitCredentialEngine();
        lifecycle = newLifecycle(restarted, Duration.ofSeconds(5));
        lifecycle.restore(host.registry.read());

        TestHost.MemoryStore other = build("other#1");
        Throwable waited = catchThrowable(() -> lifecycle.push(
                spec("other#1", Cleanup.AT_BLOCK_END, otherToken, Duration.ofMillis(300)), other, log::add));
        seen.add(waited);
        assertThat(waited)
                .as("the restored lease still protects the credential")
                .isInstanceOf(DatabricksException.class);
        assertThat(credentials()).singleElement().satisfies(c -> assertThat(c.token())
                .isEqualTo(token));

        assertThat(lifecycle.remove(pushed.removalId(), store, log::add)).isTrue();
        assertThat(credentials()).isEmpty();
        assertThat(host.registry.read()).isEmpty();
    }

    @Test
    void aRestartKeepsWhoTheDatabricksTokenIsAndTheCredentialIdSoTheNextPushIsOneRequest() throws Exception {
        lifecycle.push(spec("app#13", Cleanup.KEEP, token, null), build("app#13"), log::add);
        lifecycle.close();
        assertThat(Files.readString(host.registry.path()))
                .as("the token's owner is persisted as a one-way fingerprint, never the token")
                .contains("\"principals\"", ciBot.applicationId())
                .doesNotContain(databricksPat);

        lifecycle = newLifecycle(new GitCredentialEngine(), Duration.ofSeconds(5));
        lifecycle.restore(host.registry.readAll());
        emulator.resetCounts();
        lifecycle.push(spec("app#14", Cleanup.KEEP, otherToken, null), build("app#14"), log::add);

        assertThat(emulator.requestCounts().entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList())
                .containsExactly("GIT_CREDENTIALS_UPDATE=1");
    }

    @Test
    void afterRestartRemovalsOfBuildsThatCannotFinishAreTakenOver() throws Exception {
        TestHost.MemoryStore store = build("app#12");
        lifecycle.push(spec("app#12", Cleanup.AT_BLOCK_END, token, null), store, log::add);
        lifecycle.close();
        lifecycle = newLifecycle(new GitCredentialEngine(), Duration.ofSeconds(5));
        lifecycle.restore(host.registry.read());

        clock.advance(Duration.ofMinutes(1));
        assertThat(lifecycle.retryDue())
                .as("the build still runs: it removes by itself")
                .isZero();
        assertThat(credentials()).hasSize(1);

        host.building.remove("app#12");
        clock.advance(Duration.ofMinutes(1));
        assertThat(lifecycle.retryDue()).isEqualTo(1);
        assertThat(credentials()).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void twoBuildsWithTheSameTokenShareTheCredential() throws Exception {
        TestHost.MemoryStore first = build("app#13");
        TestHost.MemoryStore second = build("app#14");
        Pushed a = lifecycle.push(spec("app#13", Cleanup.AT_BLOCK_END, token, null), first, log::add);
        Pushed b = lifecycle.push(spec("app#14", Cleanup.AT_BLOCK_END, token, null), second, log::add);
        assertThat(b.credentialId()).isEqualTo(a.credentialId());

        lifecycle.remove(a.removalId(), first, log::add);
        assertThat(log).last().asString().startsWith("[databricks-git-credential] Kept Git credential ");
        assertThat(credentials()).hasSize(1);

        lifecycle.remove(b.removalId(), second, log::add);
        assertThat(log).last().asString().startsWith("[databricks-git-credential] Removed Git credential ");
        assertThat(credentials()).isEmpty();
    }

    @Test
    void aBuildWithAnotherTokenWaitsForTheHolderAndSaysForWhom() throws Exception {
        TestHost.MemoryStore first = build("app#15");
        TestHost.MemoryStore second = build("other#16");
        Pushed a = lifecycle.push(spec("app#15", Cleanup.AT_BLOCK_END, token, null), first, log::add);
        List<String> secondLog = new CopyOnWriteArrayList<>();
        CompletableFuture<Pushed> b = CompletableFuture.supplyAsync(() -> {
            try {
                return lifecycle.push(
                        spec("other#16", Cleanup.AT_BLOCK_END, otherToken, Duration.ofSeconds(30)),
                        second,
                        secondLog::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitCondition("the second build says it waits", () -> !secondLog.isEmpty());
        assertThat(secondLog).first().asString().startsWith("[databricks-git-credential] Waiting for app 15");
        assertThat(credentials()).singleElement().satisfies(c -> assertThat(c.token())
                .isEqualTo(token));

        lifecycle.remove(a.removalId(), first, log::add);
        Pushed pushed = b.get(30, TimeUnit.SECONDS);
        log.addAll(secondLog);

        assertThat(credentials()).singleElement().satisfies(c -> assertThat(c.token())
                .isEqualTo(otherToken));
        lifecycle.remove(pushed.removalId(), second, log::add);
        assertThat(credentials()).isEmpty();
    }

    @Test
    void pendingRemovalsSurviveTheRegistryFileAndJavaSerialization() throws Exception {
        TestHost.MemoryStore store = build("app#17");
        lifecycle.push(spec("app#17", Cleanup.AT_BUILD_END, token, null), store, log::add);
        PendingRemoval original = store.list().get(0);

        PendingRemoval fromFile = host.registry.read().get(0);
        assertThat(fromFile).usingRecursiveComparison().isEqualTo(original);
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(serialize(original)))) {
            assertThat(in.readObject()).usingRecursiveComparison().isEqualTo(original);
        }
        assertThat(original.lease()).isEqualTo(fromFile.lease());
        lifecycle.buildCompleted("app#17", store, log::add);
    }

    @Test
    void pushSpecSaysNothingSecret() {
        PushSpec spec = spec("app#18", Cleanup.KEEP, token, null);
        seen.add(spec);
        assertThatThrownBy(() -> PendingRemoval.beforePush(
                        null, "b", "h", PendingRemoval.When.BLOCK_END, null, "u", null, null, null, null, null, 0))
                .isInstanceOf(NullPointerException.class);
    }

    private CredentialLifecycle newLifecycle(LifecycleSettings settings) {
        lifecycle.close();
        lifecycle = new CredentialLifecycle(engine, host, settings);
        return lifecycle;
    }

    private LifecycleSettings settings() {
        return new LifecycleSettings(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(8), clock);
    }

    @Test
    void theBlockEndWaitsAtMostItsLimitAndTheRemovalGoesOnInTheBackground() throws Exception {
        newLifecycle(settings().withRemovalTimeout(Duration.ofSeconds(1)));
        TestHost.MemoryStore store = build("app#30");
        Pushed pushed = lifecycle.push(spec("app#30", Cleanup.AT_BLOCK_END, token, null), store, log::add);
        emulator.inject(Endpoint.GIT_CREDENTIALS_GET, Fault.latency(Duration.ofSeconds(3)));

        assertThat(lifecycle.remove(pushed.removalId(), store, log::add)).isFalse();

        assertThat(log)
                .last()
                .isEqualTo("[databricks-git-credential] Removing Git credential " + pushed.credentialId()
                        + " of ci-bot (8573549053511) on " + emulator.url() + " takes longer than 1 s; it goes on"
                        + " in the background and is retried until it succeeds.");
        assertThat(lifecycle.backgroundRemovals()).singleElement().satisfies(s -> {
            assertThat(s.why()).isEqualTo(PendingRemoval.Why.NOT_SENT);
            assertThat(s.running()).isTrue();
        });
        int linesAtReturn = log.size();
        awaitCondition("removed in the background", () -> store.list().isEmpty());
        assertThat(credentials()).isEmpty();
        assertThat(lifecycle.backgroundRemovals()).isEmpty();
        assertThat(log).as("later lines go to the controller log").hasSize(linesAtReturn);
    }

    @Test
    void anAbortWhileTheBlockEndWaitsLetsTheRemovalGoOnInTheBackground() throws Exception {
        TestHost.MemoryStore store = build("app#31");
        Pushed pushed = lifecycle.push(spec("app#31", Cleanup.AT_BLOCK_END, token, null), store, log::add);
        emulator.inject(Endpoint.GIT_CREDENTIALS_GET, Fault.latency(Duration.ofSeconds(5)));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread blockEnd = new Thread(() -> {
            try {
                lifecycle.remove(pushed.removalId(), store, log::add);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        blockEnd.start();
        awaitCondition("the removal was sent", () -> emulator.requestCount(Endpoint.GIT_CREDENTIALS_GET) > 0);

        blockEnd.interrupt();

        assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(log)
                .contains("[databricks-git-credential] Stopped waiting for the removal of Git credential "
                        + pushed.credentialId() + " of ci-bot (8573549053511) on " + emulator.url()
                        + " (the build was aborted); it goes on in the background.");
        awaitCondition(
                "removed in the background",
                () -> credentials().isEmpty() && store.list().isEmpty());
    }

    @Test
    void aFullRemovalQueueLeavesTheRemovalRecordedForTheBackgroundRetry() throws Exception {
        newLifecycle(settings().withRemovalThreads(1, 1));
        List<TestHost.MemoryStore> stores = new ArrayList<>();
        List<Pushed> pushes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestHost.MemoryStore store = build("app#4" + i);
            stores.add(store);
            pushes.add(lifecycle.push(spec("app#4" + i, Cleanup.AT_BLOCK_END, token, null), store, log::add));
        }
        CountDownLatch attemptStarted = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        host.beforeRemoval = () -> {
            attemptStarted.countDown();
            awaitQuietly(hold);
        };
        CompletableFuture<Boolean> first =
                lifecycle.removeInBackground(pushes.get(0).removalId(), stores.get(0), log::add);
        assertThat(attemptStarted.await(60, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> second =
                lifecycle.removeInBackground(pushes.get(1).removalId(), stores.get(1), log::add);

        assertThat(lifecycle.remove(pushes.get(2).removalId(), stores.get(2), log::add))
                .isFalse();

        assertThat(log)
                .last()
                .asString()
                .startsWith("[databricks-git-credential] Too many Git credential removals are waiting; the removal of"
                        + " Git credential " + pushes.get(2).credentialId())
                .endsWith("is left to the background retry, which sends it within 60 s.");
        assertThat(stores.get(2).list()).as("still recorded").hasSize(1);
        assertThat(lifecycle.nextAttempt(pushes.get(2).removalId()))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(lifecycle.removalThreads()).isEqualTo(1);
        host.beforeRemoval = () -> {};
        hold.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(credentials()).as("the third build still holds it").hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        assertThat(lifecycle.retryDue()).isEqualTo(1);
        assertThat(credentials()).isEmpty();
        assertThat(stores.get(2).list()).isEmpty();
    }

    @Test
    void aRemovalOfUnknownOutcomeWaitsForAPushToTheSamePrincipalOnly() throws Exception {
        EmulatedPrincipal otherBot = emulator.addServicePrincipal("other-bot");
        String otherPat = emulator.issuePat(otherBot);
        TestHost.MemoryStore a = build("app#50");
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.status(500));
        seen.add(catchThrowable(() -> lifecycle.push(spec("app#50", Cleanup.AT_BUILD_END, token, null), a, log::add)));
        assertThat(a.list()).singleElement().satisfies(r -> assertThat(r.lease())
                .isNull());

        // A push to another principal of the same workspace is on its way: it does not hold the removal up.
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.latency(Duration.ofMillis(1500)));
        TestHost.MemoryStore other = build("other#51");
        PushSpec toOther = new PushSpec(
                "other#51",
                "other 51",
                Cleanup.AT_BLOCK_END,
                "prod",
                null,
                null,
                new Target(TestHost.client(emulator.url(), otherPat), null),
                BitbucketToken.of(otherToken, "acme", "other"),
                null,
                null,
                null,
                null);
        CompletableFuture<Pushed> otherPush = CompletableFuture.supplyAsync(() -> {
            try {
                return lifecycle.push(toOther, other, log::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitCondition(
                "the other push is on its way", () -> !lifecycle.inFlightIds().isEmpty());

        lifecycle.buildCompleted("app#50", a, log::add);

        assertThat(log).last().asString().startsWith("[databricks-git-credential] Nothing to remove: ");
        assertThat(a.list()).isEmpty();
        otherPush.get(30, TimeUnit.SECONDS);

        // A push to the same principal on its way holds it up, without counting as a failure.
        TestHost.MemoryStore b = build("app#52");
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.status(500));
        seen.add(catchThrowable(() -> lifecycle.push(spec("app#52", Cleanup.AT_BUILD_END, token, null), b, log::add)));
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.latency(Duration.ofSeconds(5)));
        TestHost.MemoryStore c = build("app#53");
        CompletableFuture<Pushed> samePrincipal = CompletableFuture.supplyAsync(() -> {
            try {
                return lifecycle.push(spec("app#53", Cleanup.AT_BLOCK_END, token, null), c, log::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitCondition("the push is on its way", () -> !lifecycle.inFlightIds().isEmpty());

        lifecycle.buildCompleted("app#52", b, log::add);

        assertThat(log)
                .last()
                .asString()
                .endsWith("waits for a push to the same principal that has not answered yet;"
                        + " it goes on in the background once that push has answered.");
        String bId = b.list().get(0).id();
        assertThat(lifecycle.backgroundRemovals()).singleElement().satisfies(s -> {
            assertThat(s.removal().id()).isEqualTo(bId);
            assertThat(s.why()).isEqualTo(PendingRemoval.Why.OUTCOME_UNKNOWN);
            assertThat(s.removal().attempts()).isZero();
            assertThat(s.nextAttempt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        });
        Pushed held = samePrincipal.get(30, TimeUnit.SECONDS);
        // Once that push has answered the waiting removal goes on at once, not at its scheduled retry.
        awaitCondition(
                "the waiting removal is done",
                () -> lifecycle.backgroundRemovals().isEmpty());
        assertThat(b.list()).isEmpty();
        assertThat(lifecycle.retryDue()).isZero();
        assertThat(credentials()).as("the later push's, in use").hasSize(1);
        lifecycle.remove(held.removalId(), c, log::add);
        assertThat(credentials()).isEmpty();
    }

    @Test
    void retryNowTriesARemovalTheBackgroundOwnsAtOnce() throws Exception {
        TestHost.MemoryStore store = build("app#60");
        Pushed pushed = lifecycle.push(spec("app#60", Cleanup.AT_BLOCK_END, token, null), store, log::add);
        assertThat(lifecycle.retryNow(pushed.removalId()))
                .as("the build still owns it")
                .isFalse();
        assertThat(lifecycle.retryNow("no-such-removal")).isFalse();
        emulator.inject(Endpoint.GIT_CREDENTIALS_DELETE, Fault.status(503));
        lifecycle.remove(pushed.removalId(), store, log::add);
        assertThat(lifecycle.nextAttempt(pushed.removalId())).isAfter(clock.instant());

        assertThat(lifecycle.retryNow(pushed.removalId())).isTrue();

        awaitCondition(
                "removed without waiting for the delay", () -> credentials().isEmpty());
        awaitCondition("forgotten", () -> lifecycle.pending().isEmpty());
        assertThat(lifecycle.backgroundRemovals()).isEmpty();
    }

    @Test
    void afterARestartTheRemovalsOfLostBuildsAreListedWithWhyTheyArePending() throws Exception {
        TestHost.MemoryStore pushedStore = build("app#70");
        lifecycle.push(spec("app#70", Cleanup.AT_BUILD_END, token, null), pushedStore, log::add);
        TestHost.MemoryStore unanswered = build("app#71");
        emulator.inject(Endpoint.GIT_CREDENTIALS_UPDATE, Fault.status(503));
        seen.add(catchThrowable(
                () -> lifecycle.push(spec("app#71", Cleanup.AT_BUILD_END, token, null), unanswered, log::add)));
        lifecycle.close();
        lifecycle = new CredentialLifecycle(new GitCredentialEngine(), host, settings());
        lifecycle.restore(host.registry.readAll());
        assertThat(lifecycle.backgroundRemovals())
                .as("not before the retry looked at them")
                .isEmpty();
        host.building.clear();
        CountDownLatch hold = new CountDownLatch(1);
        host.beforeRemoval = () -> awaitQuietly(hold);

        clock.advance(Duration.ofMinutes(1));
        CompletableFuture<Integer> round = CompletableFuture.supplyAsync(lifecycle::retryDue);
        awaitCondition("taken over", () -> lifecycle.backgroundRemovals().size() == 2);

        assertThat(lifecycle.backgroundRemovals())
                .extracting(s -> s.removal().buildId(), RemovalStatus::why, RemovalStatus::running)
                .containsExactlyInAnyOrder(
                        tuple("app#70", PendingRemoval.Why.NOT_SENT, true),
                        tuple("app#71", PendingRemoval.Why.OUTCOME_UNKNOWN, true));
        hold.countDown();
        assertThat(round.get(60, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(credentials()).isEmpty();
        assertThat(lifecycle.backgroundRemovals()).isEmpty();
    }
}
