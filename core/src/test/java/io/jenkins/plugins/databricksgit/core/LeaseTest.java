package io.jenkins.plugins.databricksgit.core;

import static io.jenkins.plugins.databricksgit.core.EngineFixture.keep;
import static io.jenkins.plugins.databricksgit.core.EngineFixture.lease;
import static io.jenkins.plugins.databricksgit.core.EngineFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeaseTest {
    private static final BitbucketToken RED = token("ATCTT3xFfGN0red");
    private static final BitbucketToken BLUE = token("ATCTT3xFfGN0blue");
    private static final Duration LONG = Duration.ofSeconds(10);

    private EngineFixture fx;
    private final GitCredentialEngine engine = new GitCredentialEngine();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fx = new EngineFixture();
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        fx.close();
    }

    @Test
    void holdersOfTheSameTokenShareAndTheLastReleaseRemoves() throws Exception {
        Target target = fx.managed();
        PushResult first = engine.push(lease(target, RED, "build #1", LONG, progress));
        PushResult second = engine.push(lease(target, RED, "build #2", LONG, progress));

        assertThat(second.credentialId()).isEqualTo(first.credentialId());
        assertThat(progress).anySatisfy(m -> assertThat(m).startsWith("Sharing").contains("build #1"));
        assertThat(first.lease().holderId()).isNotEqualTo(second.lease().holderId());

        RemoveResult firstRelease = engine.release(first.lease(), target.client());
        assertThat(firstRelease.outcome()).isEqualTo(RemoveResult.Outcome.KEPT);
        assertThat(fx.stored()).hasSize(1);

        RemoveResult lastRelease = engine.release(second.lease(), target.client());
        assertThat(lastRelease).isEqualTo(new RemoveResult(first.credentialId(), RemoveResult.Outcome.REMOVED));
        assertThat(fx.stored()).isEmpty();
    }

    @Test
    void releasingTwiceIsHarmless() throws Exception {
        Target target = fx.own();
        PushResult pushed = engine.push(lease(target, RED, "build #1", LONG, progress));

        assertThat(engine.release(pushed.lease(), target.client()).outcome()).isEqualTo(RemoveResult.Outcome.REMOVED);
        assertThat(engine.release(pushed.lease(), target.client()).outcome())
                .isEqualTo(RemoveResult.Outcome.ALREADY_GONE);
    }

    @Test
    void aPushThatKeepsTheSameTokenPreventsRemoval() throws Exception {
        Target target = fx.managed();
        PushResult leased = engine.push(lease(target, RED, "build #1", LONG, progress));
        engine.push(keep(target, RED));

        RemoveResult released = engine.release(leased.lease(), target.client());

        assertThat(released.outcome()).isEqualTo(RemoveResult.Outcome.KEPT);
        assertThat(fx.storedBitbucket())
                .get()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0red");
    }

    @Test
    void aKeptTokenIsNotRemovedByALaterLeaseOnIt() throws Exception {
        Target target = fx.managed();
        engine.push(keep(target, RED));
        PushResult leased = engine.push(lease(target, RED, "build #2", LONG, progress));

        assertThat(engine.release(leased.lease(), target.client()).outcome()).isEqualTo(RemoveResult.Outcome.KEPT);
        assertThat(fx.stored()).hasSize(1);
    }

    @Test
    void aDifferentTokenWaitsForTheHolderThenProceeds() throws Exception {
        Target target = fx.managed();
        PushResult red = engine.push(lease(target, RED, "build #1", LONG, progress));

        List<String> blueProgress = new CopyOnWriteArrayList<>();
        Future<PushResult> blue = pool.submit(() -> engine.push(lease(target, BLUE, "build #2", LONG, blueProgress)));
        awaitMessage(blueProgress);

        assertThat(blue).isNotDone();
        assertThat(fx.storedBitbucket())
                .get()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0red");

        assertThat(engine.release(red.lease(), target.client()).outcome()).isEqualTo(RemoveResult.Outcome.REMOVED);
        PushResult blueResult = blue.get(10, TimeUnit.SECONDS);

        assertThat(blueProgress)
                .singleElement()
                .asString()
                .startsWith("Waiting for build #1 to finish")
                .contains("different token");
        assertThat(blueResult.created()).isTrue();
        assertThat(fx.storedBitbucket())
                .get()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0blue");
        engine.release(blueResult.lease(), target.client());
        assertThat(fx.stored()).isEmpty();
    }

    @Test
    void aPushThatKeepsADifferentTokenAlsoWaits() throws Exception {
        Target target = fx.managed();
        engine.push(lease(target, RED, "build #1", LONG, progress));

        assertThatThrownBy(() -> engine.push(
                        new PushRequest(target, BLUE, null, null, false, null, Duration.ofMillis(100), "job", null)))
                .isInstanceOf(LeaseWaitTimeoutException.class);
        assertThat(fx.storedBitbucket())
                .get()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0red");
    }

    @Test
    void aDifferentTokenGivesUpAfterTheWaitNamingTheHolders() throws Exception {
        Target target = fx.managed();
        engine.push(lease(target, RED, "build #1", LONG, progress));
        engine.push(lease(target, RED, "build #2", LONG, progress));
        List<String> blueProgress = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> engine.push(lease(target, BLUE, "build #3", Duration.ofMillis(200), blueProgress)))
                .isInstanceOfSatisfying(LeaseWaitTimeoutException.class, e -> {
                    assertThat(e.holders()).containsExactly("build #1", "build #2");
                    assertThat(e.reason()).isEqualTo(DatabricksException.Reason.TIMEOUT);
                    assertThat(e.status()).isZero();
                    assertThat(e.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
                })
                .hasMessageContaining("build #1, build #2")
                .hasMessageContaining("200 ms");
        assertThat(blueProgress).hasSize(1);
        assertThat(fx.storedBitbucket())
                .get()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0red");
    }

    @Test
    void aRestoredLeaseProtectsAndRemovesItsCredential() throws Exception {
        Target target = fx.managed();
        PushResult before = engine.push(lease(target, RED, "build #1", LONG, progress));
        Lease persisted = roundTrip(before.lease());

        GitCredentialEngine afterRestart = new GitCredentialEngine();
        afterRestart.restore(persisted);
        Target again = fx.managed();

        assertThatThrownBy(() -> afterRestart.push(lease(again, BLUE, "build #2", Duration.ofMillis(100), progress)))
                .isInstanceOf(LeaseWaitTimeoutException.class)
                .hasMessageContaining("build #1");
        RemoveResult released = afterRestart.release(persisted, again.client());

        assertThat(released).isEqualTo(new RemoveResult(before.credentialId(), RemoveResult.Outcome.REMOVED));
        assertThat(fx.stored()).isEmpty();
    }

    @Test
    void aRestoredOwnModeLeaseIsReleasedWithoutPrincipalId() throws Exception {
        PushResult before = engine.push(lease(fx.own(), RED, "build #1", LONG, progress));

        GitCredentialEngine afterRestart = new GitCredentialEngine();
        afterRestart.restore(before.lease());

        assertThat(afterRestart.release(before.lease(), fx.own().client()).outcome())
                .isEqualTo(RemoveResult.Outcome.REMOVED);
        assertThat(fx.stored()).isEmpty();
    }

    @Test
    void aLeaseOnTheSameTokenAfterAKnownIdWasRecreatedRemovesTheNewOne() throws Exception {
        Target target = fx.managed();
        PushResult first = engine.push(lease(target, RED, "build #1", LONG, progress));
        target.client().deleteGitCredential(first.credentialId(), fx.sp.id());
        PushResult second = engine.push(lease(target, RED, "build #2", LONG, progress));
        assertThat(second.credentialId()).isNotEqualTo(first.credentialId());

        engine.release(second.lease(), target.client());
        RemoveResult last = engine.release(first.lease(), target.client());

        assertThat(last).isEqualTo(new RemoveResult(second.credentialId(), RemoveResult.Outcome.REMOVED));
        assertThat(fx.stored()).isEmpty();
    }

    @Test
    void aFailedReleaseCanBeRetried() throws Exception {
        Target target = fx.managed();
        PushResult pushed = engine.push(lease(target, RED, "build #1", LONG, progress));
        fx.emulator.inject(Endpoint.GIT_CREDENTIALS_DELETE, Fault.status(500).times(5));

        assertThatThrownBy(() -> engine.release(pushed.lease(), target.client()))
                .isInstanceOf(DatabricksException.class);
        assertThat(fx.stored()).hasSize(1);
        fx.emulator.clearFaults();

        assertThat(engine.release(pushed.lease(), target.client()).outcome()).isEqualTo(RemoveResult.Outcome.REMOVED);
        assertThat(fx.stored()).isEmpty();
    }

    @Test
    void aFailedReleaseDoesNotBlockOtherTokens() throws Exception {
        Target target = fx.managed();
        PushResult pushed = engine.push(lease(target, RED, "build #1", LONG, progress));
        fx.emulator.inject(Endpoint.GIT_CREDENTIALS_DELETE, Fault.status(500).times(5));
        assertThatThrownBy(() -> engine.release(pushed.lease(), target.client()))
                .isInstanceOf(DatabricksException.class);
        fx.emulator.clearFaults();

        PushResult blue = engine.push(lease(target, BLUE, "build #2", Duration.ZERO, progress));
        // The late retry of the first release must not remove the credential that now holds another token.
        RemoveResult lateRetry = engine.release(pushed.lease(), target.client());

        assertThat(blue.created()).isFalse();
        assertThat(lateRetry.outcome()).isEqualTo(RemoveResult.Outcome.KEPT);
        assertThat(fx.storedBitbucket())
                .get()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0blue");
    }

    @Test
    void anExplicitRemovalLeavesHoldersToFindTheCredentialGone() throws Exception {
        Target target = fx.managed();
        PushResult pushed = engine.push(lease(target, RED, "build #1", LONG, progress));

        assertThat(engine.removeBitbucketCredential(target).outcome()).isEqualTo(RemoveResult.Outcome.REMOVED);
        RemoveResult release = engine.release(pushed.lease(), target.client());

        assertThat(release).isEqualTo(new RemoveResult(pushed.credentialId(), RemoveResult.Outcome.ALREADY_GONE));
    }

    @Test
    void releaseRejectsAClientOfAnotherWorkspace() throws Exception {
        PushResult pushed = engine.push(lease(fx.own(), RED, "build #1", LONG, progress));
        try (EngineFixture other = new EngineFixture()) {
            DatabricksClient foreign = other.client(other.spPat);
            assertThatThrownBy(() -> engine.release(pushed.lease(), foreign))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("belongs to workspace");
        }
    }

    @Test
    void leasesOnDifferentPrincipalsDoNotWaitForEachOther() throws Exception {
        var other = fx.emulator.addServicePrincipal("other-bot");
        fx.emulator.grantManager(fx.manager, other);
        engine.push(lease(fx.managed(), RED, "build #1", LONG, progress));

        PushResult onOther = engine.push(lease(
                new Target(fx.client(fx.managerPat), other.applicationId()),
                BLUE,
                "build #2",
                Duration.ZERO,
                progress));

        assertThat(onOther.principal().id()).isEqualTo(other.id());
        assertThat(fx.emulator.gitCredentials(other))
                .singleElement()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0blue");
    }

    @Test
    void theLastReleaseReadsTheCredentialAndLeavesItWhenAnotherEngineWroteSince() throws Exception {
        Target target = fx.managed();
        PushResult pushed = engine.push(lease(target, RED, "build #1", LONG, progress));
        new GitCredentialEngine().push(keep(fx.managed(), BLUE));
        fx.emulator.resetCounts();

        RemoveResult released = engine.release(pushed.lease(), target.client());

        assertThat(released.outcome()).isEqualTo(RemoveResult.Outcome.KEPT);
        assertThat(released.reason()).startsWith("it was written since by another push");
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_GET)).isEqualTo(1);
        assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_DELETE)).isZero();
        assertThat(fx.storedBitbucket())
                .get()
                .extracting(StoredGitCredential::token)
                .isEqualTo("ATCTT3xFfGN0blue");
    }

    @Test
    void aKeepEndsWhenTheKeptCredentialIsGoneAndALeaseCreatesItAgain() throws Exception {
        Target target = fx.managed();
        PushResult kept = engine.push(keep(target, RED));
        target.client().deleteGitCredential(kept.credentialId(), fx.sp.id());

        PushResult leased = engine.push(lease(target, RED, "build #2", LONG, progress));

        assertThat(leased.created()).isTrue();
        assertThat(engine.release(leased.lease(), target.client()).outcome()).isEqualTo(RemoveResult.Outcome.REMOVED);
        assertThat(fx.stored()).isEmpty();
    }

    @Test
    void aKeepEndsWhenAnotherTokenIsWritten() throws Exception {
        Target target = fx.managed();
        engine.push(keep(target, RED));
        engine.push(keep(target, BLUE));

        PushResult leased = engine.push(lease(target, RED, "build #3", LONG, progress));

        assertThat(engine.release(leased.lease(), target.client()).outcome()).isEqualTo(RemoveResult.Outcome.REMOVED);
    }

    @Test
    void aRestoredKnownCredentialCarriesTheKeepAndTheIdAcrossARestart() throws Exception {
        Target target = fx.managed();
        PushResult kept = engine.push(keep(target, RED));
        List<KnownCredential> persisted = engine.knownCredentials();
        assertThat(persisted).singleElement().satisfies(k -> {
            assertThat(k.credentialId()).isEqualTo(kept.credentialId());
            assertThat(k.keptBy()).isEqualTo("test");
            assertThat(k.names()).singleElement().asString().startsWith(OwnershipTag.PREFIX);
        });

        GitCredentialEngine afterRestart = new GitCredentialEngine();
        persisted.forEach(afterRestart::restore);
        PushResult leased = afterRestart.push(lease(fx.managed(), RED, "build #2", LONG, progress));

        assertThat(leased.created()).isFalse();
        RemoveResult released = afterRestart.release(leased.lease(), target.client());
        assertThat(released.outcome()).isEqualTo(RemoveResult.Outcome.KEPT);
        assertThat(released.reason()).isEqualTo("test asked to keep it");
        assertThat(new GitCredentialEngine().knownCredentials()).isEmpty();
    }

    @Test
    void anUnansweredPushIsRemovedOnlyWhileTheCredentialCarriesItsName() throws Exception {
        Target target = fx.managed();
        PushResult other = new GitCredentialEngine().push(keep(target, BLUE));

        RemoveResult result = engine.removeUnanswered(
                target, new UnansweredPush("push-1", OwnershipTag.of("push-1"), null, fx.sp.id()));

        assertThat(result.outcome()).isEqualTo(RemoveResult.Outcome.KEPT);
        assertThat(result.credentialId()).isEqualTo(other.credentialId());
        assertThat(fx.stored()).hasSize(1);

        PushResult ours =
                engine.push(new PushRequest(target, RED, null, null, false, null, LONG, "build #4", null, "push-2"));
        assertThat(fx.storedBitbucket())
                .get()
                .extracting(StoredGitCredential::name)
                .isEqualTo("jenkins-dgc:push-2");
        RemoveResult removed = engine.removeUnanswered(
                target, new UnansweredPush("push-2", OwnershipTag.of("push-2"), null, fx.sp.id()));
        assertThat(removed).isEqualTo(new RemoveResult(ours.credentialId(), RemoveResult.Outcome.REMOVED));
    }

    private static void awaitMessage(List<String> messages) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (messages.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(messages).as("progress messages").isNotEmpty();
    }

    private static Lease roundTrip(Lease lease) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(lease);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Lease) in.readObject();
        }
    }
}
