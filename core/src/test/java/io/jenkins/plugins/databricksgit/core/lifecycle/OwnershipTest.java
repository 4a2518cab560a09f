package io.jenkins.plugins.databricksgit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.GitCredentialSpec;
import io.jenkins.plugins.databricksgit.core.OwnershipTag;
import io.jenkins.plugins.databricksgit.core.PushRequest;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.Target;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.MutableClock;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases of "When the credential is removed" in docs/pipeline.md, one test each, against the emulator through the
 * lifecycle: a removal deletes the credential only if it still holds what its push wrote and nobody asked to keep it
 * since, across keeps, unknown outcomes, other controllers, the command-line tool and restarts.
 */
@ExtendWith(QuietControllerLog.class)
class OwnershipTest {
    private static final String PREFIX = "[databricks-git-credential] ";

    @TempDir
    Path dir;

    private DatabricksEmulator emulator;
    private EmulatedPrincipal ciBot;
    private String token;
    private String otherToken;
    private String pat;
    private final MutableClock clock = new MutableClock();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Object> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<CredentialLifecycle> lifecycles = new ArrayList<>();
    private TestHost host;
    private CredentialLifecycle lifecycle;

    @BeforeEach
    void setUp() {
        emulator = DatabricksEmulator.start();
        ciBot = emulator.addServicePrincipal(8573549053511L, "6f1d2a3b-0000-4000-8000-000000000001", "ci-bot");
        token = emulator.addBitbucketRepositoryToken("acme", "app", Set.of("repository"));
        otherToken = emulator.addBitbucketRepositoryToken("acme", "other", Set.of("repository"));
        pat = emulator.issuePat(ciBot);
        host = newHost("controller-a.json");
        lifecycle = newLifecycle(new GitCredentialEngine(), host);
    }

    private TestHost newHost(String registryFile) {
        TestHost h = new TestHost(emulator.url(), pat, dir.resolve(registryFile));
        h.credentials.put("ci-pat", pat);
        return h;
    }

    private CredentialLifecycle newLifecycle(GitCredentialEngine engine, TestHost on) {
        CredentialLifecycle l = new CredentialLifecycle(
                engine,
                on,
                new LifecycleSettings(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(8), clock));
        lifecycles.add(l);
        return l;
    }

    @AfterEach
    void tearDown() throws Exception {
        lifecycles.forEach(CredentialLifecycle::close);
        emulator.close();
        List<String> texts = new ArrayList<>(log);
        for (Path file : Files.list(dir).toList()) {
            texts.add(Files.readString(file));
        }
        seen.forEach(o -> texts.add(String.valueOf(o)));
        for (String secret : List.of(token, otherToken)) {
            assertThat(texts).noneMatch(t -> t.contains(secret));
        }
    }

    private PushSpec spec(String buildId, Cleanup cleanup, String bitbucketToken, String name) {
        return new PushSpec(
                buildId,
                buildId.replace('#', ' '),
                cleanup,
                "prod",
                "ci-pat",
                null,
                new Target(host.client(), null),
                BitbucketToken.of(bitbucketToken, "acme", "app"),
                name,
                null,
                null,
                Duration.ofSeconds(5));
    }

    private Pushed push(CredentialLifecycle on, TestHost.MemoryStore store, String build, Cleanup cleanup, String t)
            throws Exception {
        return on.push(spec(build, cleanup, t, null), store, log::add);
    }

    private TestHost.MemoryStore build(TestHost on, String buildId) {
        return on.store(buildId, seen::addAll);
    }

    private List<StoredGitCredential> credentials() {
        return emulator.gitCredentials(ciBot);
    }

    private StoredGitCredential only() {
        assertThat(credentials()).hasSize(1);
        return credentials().get(0);
    }

    /** A push whose create Databricks answered with a 500: the build cannot know whether it landed. */
    private void pushFailingWith500(CredentialLifecycle on, TestHost.MemoryStore store, String build, String t) {
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.status(500));
        Throwable failure = catchThrowable(() -> push(on, store, build, Cleanup.AT_BUILD_END, t));
        seen.add(failure);
        assertThat(failure).isInstanceOf(DatabricksException.class);
        assertThat(store.list()).singleElement().satisfies(r -> assertThat(r.why())
                .isEqualTo(PendingRemoval.Why.OUTCOME_UNKNOWN));
    }

    private String lastLine() {
        return log.get(log.size() - 1);
    }

    /** Row 1. */
    @Test
    void aPushWithoutANameTagsTheCredentialAndItsBlockEndRemovesIt() throws Exception {
        TestHost.MemoryStore store = build(host, "app#1");
        Pushed pushed = push(lifecycle, store, "app#1", Cleanup.AT_BLOCK_END, token);

        assertThat(only().name()).isEqualTo(OwnershipTag.of(pushed.removalId()));
        assertThat(store.list()).singleElement().satisfies(r -> {
            assertThat(r.workspaceUrl()).isEqualTo(emulator.url());
            assertThat(r.databricksCredentialsId()).isEqualTo("ci-pat");
            assertThat(r.principalId()).isEqualTo(ciBot.id());
            assertThat(r.credentialId()).isEqualTo(pushed.credentialId());
            assertThat(r.credentialName()).isEqualTo("jenkins-dgc:" + pushed.removalId());
            assertThat(r.tokenFingerprint()).hasSize(64).isNotEqualTo(token);
        });

        assertThat(lifecycle.remove(pushed.removalId(), store, log::add)).isTrue();

        assertThat(credentials()).isEmpty();
        assertThat(lastLine()).startsWith(PREFIX + "Removed Git credential " + pushed.credentialId());
    }

    /** Row 2. */
    @Test
    void aBlockThatFoundTheSameTokenKeptLeavesIt() throws Exception {
        push(lifecycle, build(host, "app#1"), "app#1", Cleanup.KEEP, token);
        TestHost.MemoryStore store = build(host, "app#2");
        Pushed block = push(lifecycle, store, "app#2", Cleanup.AT_BLOCK_END, token);
        assertThat(block.created()).isFalse();

        assertThat(lifecycle.remove(block.removalId(), store, log::add)).isTrue();

        assertThat(only().token()).isEqualTo(token);
        assertThat(lastLine())
                .isEqualTo(PREFIX + "Kept Git credential " + block.credentialId()
                        + " (bitbucketCloud, x-token-auth) of ci-bot (8573549053511) on " + emulator.url()
                        + ": app 1 asked to keep it.");
        assertThat(store.list()).isEmpty();
    }

    /** Row 3. */
    @Test
    void aBlockThatCreatedTheCredentialRemovesItThoughTheSameTokenWasKeptBefore() throws Exception {
        Pushed kept = push(lifecycle, build(host, "app#1"), "app#1", Cleanup.KEEP, token);
        host.client().deleteGitCredential(kept.credentialId(), null);
        TestHost.MemoryStore store = build(host, "app#2");
        Pushed block = push(lifecycle, store, "app#2", Cleanup.AT_BLOCK_END, token);
        assertThat(block.created()).isTrue();

        lifecycle.remove(block.removalId(), store, log::add);

        assertThat(credentials()).isEmpty();
        assertThat(lastLine()).startsWith(PREFIX + "Removed Git credential " + block.credentialId());
        // And the keep is not sticky: the next block removes too.
        TestHost.MemoryStore next = build(host, "app#3");
        Pushed again = push(lifecycle, next, "app#3", Cleanup.AT_BLOCK_END, token);
        lifecycle.remove(again.removalId(), next, log::add);
        assertThat(credentials()).isEmpty();
    }

    /** Row 4. */
    @Test
    void aKeepOfTheSameTokenWhileTheBlockRunsLeavesTheCredential() throws Exception {
        TestHost.MemoryStore store = build(host, "app#1");
        Pushed block = push(lifecycle, store, "app#1", Cleanup.AT_BLOCK_END, token);
        assertThat(block.created()).isTrue();
        push(lifecycle, build(host, "app#2"), "app#2", Cleanup.KEEP, token);

        lifecycle.remove(block.removalId(), store, log::add);

        assertThat(only().token()).isEqualTo(token);
        assertThat(lastLine()).endsWith(": app 2 asked to keep it.");
    }

    /** Row 5. */
    @Test
    void aBlockWithAnotherTokenRemovesWhatItWroteOverAKeptCredential() throws Exception {
        push(lifecycle, build(host, "app#1"), "app#1", Cleanup.KEEP, token);
        TestHost.MemoryStore store = build(host, "other#2");
        Pushed block = push(lifecycle, store, "other#2", Cleanup.AT_BLOCK_END, otherToken);
        assertThat(block.created()).isFalse();
        assertThat(only().token()).isEqualTo(otherToken);

        lifecycle.remove(block.removalId(), store, log::add);

        assertThat(credentials()).isEmpty();
    }

    /** Row 6. */
    @Test
    void twoBlocksWithTheSameTokenShareAndTheLastOneRemoves() throws Exception {
        TestHost.MemoryStore first = build(host, "app#1");
        TestHost.MemoryStore second = build(host, "app#2");
        Pushed a = push(lifecycle, first, "app#1", Cleanup.AT_BLOCK_END, token);
        Pushed b = push(lifecycle, second, "app#2", Cleanup.AT_BLOCK_END, token);
        assertThat(only().name()).isEqualTo(OwnershipTag.of(b.removalId()));

        lifecycle.remove(b.removalId(), second, log::add);
        assertThat(lastLine()).endsWith(": another build still uses it (app 1).");
        assertThat(credentials()).hasSize(1);

        lifecycle.remove(a.removalId(), first, log::add);
        assertThat(credentials()).isEmpty();
    }

    /** Row 7. */
    @Test
    void anUnansweredPushIsRemovedWhenTheCredentialStillCarriesItsTag() throws Exception {
        TestHost.MemoryStore store = build(host, "app#1");
        // The create lands but its answer is lost, and the engine's reconciling update fails too.
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.dropConnectionAfterApplying());
        emulator.inject(Endpoint.GIT_CREDENTIALS_UPDATE, Fault.status(503).times(5));
        seen.add(catchThrowable(() -> push(lifecycle, store, "app#1", Cleanup.AT_BUILD_END, token)));
        String pushId = store.list().get(0).id();
        assertThat(only().name()).isEqualTo(OwnershipTag.of(pushId));
        emulator.clearFaults();

        lifecycle.buildCompleted("app#1", store, log::add);

        assertThat(credentials()).isEmpty();
        assertThat(lastLine()).startsWith(PREFIX + "Removed Git credential ");
    }

    /** Row 8, the case that used to delete another build's kept credential. */
    @Test
    void anUnansweredPushThenAKeepOnThisControllerLeavesTheKeptCredential() throws Exception {
        TestHost.MemoryStore a = build(host, "app#1");
        pushFailingWith500(lifecycle, a, "app#1", token);
        Pushed kept = push(lifecycle, build(host, "app#2"), "app#2", Cleanup.KEEP, token);
        assertThat(log).contains(PREFIX + "The credential is kept after this build (cleanup is off).");

        lifecycle.buildCompleted("app#1", a, log::add);

        assertThat(only().id()).isEqualTo(kept.credentialId());
        assertThat(lastLine()).endsWith(": another push has written it since.");
        assertThat(a.list()).isEmpty();
        assertThat(lifecycle.pending()).isEmpty();
    }

    /** Row 9. */
    @Test
    void aKeptTokenThenAnUnansweredBlockWithTheSameTokenLeavesIt() throws Exception {
        push(lifecycle, build(host, "app#1"), "app#1", Cleanup.KEEP, token);
        TestHost.MemoryStore store = build(host, "app#2");
        emulator.inject(Endpoint.GIT_CREDENTIALS_UPDATE, Fault.status(503));
        seen.add(catchThrowable(() -> push(lifecycle, store, "app#2", Cleanup.AT_BLOCK_END, token)));
        assertThat(store.list()).singleElement().satisfies(r -> assertThat(r.lease())
                .isNull());

        lifecycle.buildCompleted("app#2", store, log::add);

        assertThat(only().token()).isEqualTo(token);
        assertThat(lastLine()).endsWith(": app 1 asked to keep it.");
    }

    /** Row 10. */
    @Test
    void twoControllersOnOnePrincipalEachLeaveWhatTheOtherWroteSince() throws Exception {
        TestHost hostB = newHost("controller-b.json");
        CredentialLifecycle controllerB = newLifecycle(new GitCredentialEngine(), hostB);
        TestHost.MemoryStore a = build(host, "app#1");
        TestHost.MemoryStore b = build(hostB, "app#7");
        Pushed pushedA = push(lifecycle, a, "app#1", Cleanup.AT_BLOCK_END, token);
        Pushed pushedB = push(controllerB, b, "app#7", Cleanup.AT_BLOCK_END, token);
        assertThat(pushedB.credentialId()).isEqualTo(pushedA.credentialId());

        lifecycle.remove(pushedA.removalId(), a, log::add);

        assertThat(only().name()).isEqualTo(OwnershipTag.of(pushedB.removalId()));
        assertThat(lastLine())
                .endsWith(": it was written since by another push (another build, controller, the command-line tool or"
                        + " a person): its name is 'jenkins-dgc:" + pushedB.removalId() + "', not 'jenkins-dgc:"
                        + pushedA.removalId() + "'.");

        controllerB.remove(pushedB.removalId(), b, log::add);

        assertThat(credentials()).isEmpty();
        assertThat(lifecycle.hasBackgroundRemovals()).isFalse();
        assertThat(controllerB.hasBackgroundRemovals()).isFalse();
    }

    /** Row 11. */
    @Test
    void anUnansweredPushThenAWriteByAnotherControllerLeavesIt() throws Exception {
        TestHost.MemoryStore a = build(host, "app#1");
        pushFailingWith500(lifecycle, a, "app#1", token);
        TestHost hostB = newHost("controller-b.json");
        CredentialLifecycle controllerB = newLifecycle(new GitCredentialEngine(), hostB);
        Pushed kept = push(controllerB, build(hostB, "app#9"), "app#9", Cleanup.KEEP, otherToken);

        lifecycle.buildCompleted("app#1", a, log::add);

        assertThat(only().id()).isEqualTo(kept.credentialId());
        assertThat(only().token()).isEqualTo(otherToken);
        assertThat(lastLine()).contains(": it was written since by another push");
    }

    /** Row 12. */
    @Test
    void theCommandLineToolWritingSinceTheBlockLeavesTheCredential() throws Exception {
        TestHost.MemoryStore store = build(host, "app#1");
        Pushed block = push(lifecycle, store, "app#1", Cleanup.AT_BLOCK_END, token);
        new GitCredentialEngine()
                .push(new PushRequest(
                        new Target(host.client(), null),
                        BitbucketToken.of(otherToken, "acme", "other"),
                        null,
                        null,
                        false,
                        null,
                        Duration.ofSeconds(1),
                        "databricks-git-credential push",
                        null));
        assertThat(only().name()).startsWith(OwnershipTag.PREFIX).isNotEqualTo(OwnershipTag.of(block.removalId()));

        lifecycle.remove(block.removalId(), store, log::add);

        assertThat(only().token()).isEqualTo(otherToken);
        assertThat(lastLine()).contains("Kept Git credential ").contains("written since by another push");
    }

    /** Row 13, a limit. */
    @Test
    void anUpdateWithoutANameIsNotSeenAndTheCredentialIsRemoved() throws Exception {
        TestHost.MemoryStore store = build(host, "app#1");
        Pushed block = push(lifecycle, store, "app#1", Cleanup.AT_BLOCK_END, token);
        host.client()
                .updateGitCredential(
                        block.credentialId(),
                        new GitCredentialSpec("bitbucketCloud", "x-token-auth", SecretValue.of(otherToken), null, null),
                        null);
        assertThat(only().name()).isEqualTo(OwnershipTag.of(block.removalId()));

        lifecycle.remove(block.removalId(), store, log::add);

        assertThat(credentials()).isEmpty();
    }

    /** Row 14. */
    @Test
    void withANameOfItsOwnTheRemovalComparesThatNameAndThisControllersRecord() throws Exception {
        TestHost.MemoryStore store = build(host, "app#1");
        Pushed block = lifecycle.push(spec("app#1", Cleanup.AT_BLOCK_END, token, "ci-bitbucket"), store, log::add);
        assertThat(only().name()).isEqualTo("ci-bitbucket");
        DatabricksClient client = host.client();
        client.updateGitCredential(
                block.credentialId(),
                new GitCredentialSpec("bitbucketCloud", "x-token-auth", SecretValue.of(otherToken), null, "renamed"),
                null);

        lifecycle.remove(block.removalId(), store, log::add);

        assertThat(only().token()).isEqualTo(otherToken);
        assertThat(lastLine()).endsWith("its name is 'renamed', not 'ci-bitbucket'.");

        // Unchanged, it is removed: the name and this controller's record are all there is to compare.
        TestHost.MemoryStore next = build(host, "app#2");
        Pushed again = lifecycle.push(spec("app#2", Cleanup.AT_BLOCK_END, token, "ci-bitbucket"), next, log::add);
        lifecycle.remove(again.removalId(), next, log::add);
        assertThat(credentials()).isEmpty();
    }

    /** Row 15. */
    @Test
    void aRestartBetweenPushAndRemovalRemovesWithTheRestoredLeaseAndTag() throws Exception {
        TestHost.MemoryStore store = build(host, "app#1");
        Pushed block = push(lifecycle, store, "app#1", Cleanup.AT_BLOCK_END, token);
        lifecycle.close();

        CredentialLifecycle restarted = newLifecycle(new GitCredentialEngine(), host);
        restarted.restore(host.registry.readAll());
        assertThat(restarted.remove(block.removalId(), store, log::add)).isTrue();

        assertThat(credentials()).isEmpty();
        assertThat(host.registry.readAll().removals()).isEmpty();
    }

    /** Row 16. */
    @Test
    void aKeepSurvivesARestartAndTheKnownIdSavesTheListing() throws Exception {
        push(lifecycle, build(host, "app#1"), "app#1", Cleanup.KEEP, token);
        assertThat(host.registry.readAll().credentials()).singleElement().satisfies(k -> {
            assertThat(k.keptBy()).isEqualTo("app 1");
            assertThat(k.keptFingerprint()).hasSize(64);
        });
        lifecycle.close();

        CredentialLifecycle restarted = newLifecycle(new GitCredentialEngine(), host);
        restarted.restore(host.registry.readAll());
        emulator.resetCounts();
        TestHost.MemoryStore store = build(host, "app#2");
        Pushed block = push(restarted, store, "app#2", Cleanup.AT_BLOCK_END, token);
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_LIST))
                .as("known id")
                .isZero();
        restarted.remove(block.removalId(), store, log::add);

        assertThat(only().token()).isEqualTo(token);
        assertThat(lastLine()).endsWith(": app 1 asked to keep it.");
    }

    /** Row 17. */
    @Test
    void aCredentialDeletedBeforeTheRemovalIsAlreadyGone() throws Exception {
        TestHost.MemoryStore store = build(host, "app#1");
        Pushed block = push(lifecycle, store, "app#1", Cleanup.AT_BLOCK_END, token);
        host.client().deleteGitCredential(block.credentialId(), null);

        assertThat(lifecycle.remove(block.removalId(), store, log::add)).isTrue();

        assertThat(lastLine()).startsWith(PREFIX + "Nothing to remove: Git credential " + block.credentialId());
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_DELETE)).isEqualTo(1);
    }

    /** Row 18. */
    @Test
    void anEditedWorkspaceDoesNotRedirectThePendingRemoval() throws Exception {
        TestHost.MemoryStore store = build(host, "app#1");
        Pushed block = push(lifecycle, store, "app#1", Cleanup.AT_BLOCK_END, token);
        try (DatabricksEmulator other = DatabricksEmulator.start()) {
            EmulatedPrincipal elsewhere = other.addServicePrincipal(ciBot.id(), ciBot.applicationId(), "ci-bot");
            String otherPat = other.issuePat(elsewhere);
            // The administrator points "prod" at another workspace and another credential.
            host.workspaceUrl(other.url());
            host.databricksToken(otherPat);
            TestHost.MemoryStore there = build(host, "there#1");
            push(lifecycle, there, "there#1", Cleanup.KEEP, otherToken);

            assertThat(lifecycle.remove(block.removalId(), store, log::add)).isTrue();

            assertThat(credentials()).isEmpty();
            assertThat(other.gitCredentials(elsewhere)).hasSize(1);
            assertThat(other.requestCount(Endpoint.GIT_CREDENTIALS_DELETE)).isZero();
        }
    }

    /** Row 19. */
    @Test
    void aRemovalWhoseDatabricksCredentialIsGoneIsShownWithWhy() throws Exception {
        TestHost.MemoryStore store = build(host, "app#1");
        Pushed block = push(lifecycle, store, "app#1", Cleanup.AT_BUILD_END, token);
        host.credentials.remove("ci-pat");

        lifecycle.buildCompleted("app#1", store, log::add);

        assertThat(lifecycle.backgroundRemovals()).singleElement().satisfies(s -> {
            assertThat(s.why()).isEqualTo(PendingRemoval.Why.RETRYING);
            assertThat(s.removal().lastError()).isEqualTo("The Databricks credential 'ci-pat' no longer exists.");
            assertThat(s.nextAttempt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        });
        host.credentials.put("ci-pat", pat);
        assertThat(lifecycle.retryNow(block.removalId())).isTrue();
        awaitCondition(() -> credentials().isEmpty() && lifecycle.pending().isEmpty());
    }

    /** Row 20. */
    @Test
    void aServicePrincipalGivenByNameFailsBeforeAnythingIsRecorded() {
        TestHost.MemoryStore store = build(host, "app#1");
        PushSpec byName = new PushSpec(
                "app#1",
                "app 1",
                Cleanup.AT_BLOCK_END,
                "prod",
                "ci-pat",
                "deploy-bot",
                new Target(host.client(), "deploy-bot"),
                BitbucketToken.of(token, "acme", "app"),
                null,
                null,
                null,
                null);

        Throwable failure = catchThrowable(() -> lifecycle.push(byName, store, log::add));

        assertThat(failure)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("servicePrincipal must be the service principal's application id")
                .hasMessageNotContaining("deploy-bot");
        assertThat(store.list()).isEmpty();
        assertThat(lifecycle.pending()).isEmpty();
        assertThat(emulator.requestCounts().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isZero();
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
