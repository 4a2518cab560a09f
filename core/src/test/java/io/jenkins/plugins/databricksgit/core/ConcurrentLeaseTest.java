package io.jenkins.plugins.databricksgit.core;

import static io.jenkins.plugins.databricksgit.core.EngineFixture.lease;
import static io.jenkins.plugins.databricksgit.core.EngineFixture.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many builds pushing to one service principal at once, as on a busy Jenkins controller: some with the same token
 * (they share the credential), some with another (they wait, or give up after their bounded wait). Whatever the
 * interleaving, a holder must find its own token in Databricks for as long as it holds its lease, and nothing may be
 * left behind.
 */
class ConcurrentLeaseTest {
    private static final int PAIRS = 240;
    private static final int THREADS = 24;
    private static final List<String> TOKENS = List.of("ATCTT3xFfGN0red", "ATCTT3xFfGN0green", "ATCTT3xFfGN0blue");

    @Test
    void concurrentPushRemovePairsNeverOverwriteAHeldCredential() throws Exception {
        try (EngineFixture fx = new EngineFixture()) {
            GitCredentialEngine engine = new GitCredentialEngine();
            Target target = fx.managed();
            Random random = new Random(42);

            AtomicInteger shared = new AtomicInteger();
            AtomicInteger waitedThenPushed = new AtomicInteger();
            AtomicInteger timedOut = new AtomicInteger();
            AtomicInteger timedOutWithLongWait = new AtomicInteger();
            AtomicInteger released = new AtomicInteger();
            Map<RemoveResult.Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> lostUpdates = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                String value = TOKENS.get(random.nextInt(TOKENS.size()));
                // Every eighth build is impatient, so that some bounded waits run out.
                boolean impatient = i % 8 == 0;
                Duration wait = impatient ? Duration.ofMillis(20) : Duration.ofMinutes(2);
                long holdMillis = 2 + random.nextInt(14);
                String holder = "build #" + i;
                futures.add(pool.submit(() -> {
                    List<String> progress = new CopyOnWriteArrayList<>();
                    PushResult result;
                    try {
                        result = engine.push(lease(target, token(value), holder, wait, progress));
                    } catch (LeaseWaitTimeoutException e) {
                        timedOut.incrementAndGet();
                        if (!impatient) {
                            timedOutWithLongWait.incrementAndGet();
                        }
                        return null;
                    }
                    if (progress.stream().anyMatch(m -> m.startsWith("Waiting for "))) {
                        waitedThenPushed.incrementAndGet();
                    }
                    if (progress.stream().anyMatch(m -> m.startsWith("Sharing "))) {
                        shared.incrementAndGet();
                    }
                    checkHeld(fx, value, holder + " after push", lostUpdates);
                    Thread.sleep(holdMillis);
                    checkHeld(fx, value, holder + " before release", lostUpdates);
                    RemoveResult removed = engine.release(result.lease(), target.client());
                    outcomes.computeIfAbsent(removed.outcome(), o -> new AtomicInteger())
                            .incrementAndGet();
                    released.incrementAndGet();
                    return null;
                }));
            }
            pool.shutdown();
            for (Future<?> future : futures) {
                try {
                    future.get(5, TimeUnit.MINUTES);
                } catch (java.util.concurrent.ExecutionException e) {
                    unexpected.add(e.getCause());
                }
            }
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            System.out.printf(
                    "%d pairs: %d shared, %d waited then pushed, %d timed out, %d released %s; requests %s%n",
                    PAIRS,
                    shared.get(),
                    waitedThenPushed.get(),
                    timedOut.get(),
                    released.get(),
                    outcomes,
                    fx.emulator.requestCounts());

            assertThat(unexpected).isEmpty();
            assertThat(lostUpdates).isEmpty();
            assertThat(shared).as("pushes that shared a held credential").hasPositiveValue();
            assertThat(waitedThenPushed).as("pushes that waited, then pushed").hasPositiveValue();
            assertThat(timedOut).as("pushes that gave up waiting").hasPositiveValue();
            assertThat(timedOutWithLongWait).as("patient pushes that gave up").hasValue(0);
            assertThat(released.get() + timedOut.get()).isEqualTo(PAIRS);
            assertThat(outcomes.get(RemoveResult.Outcome.REMOVED)).hasPositiveValue();
            assertThat(outcomes).doesNotContainKey(RemoveResult.Outcome.ALREADY_GONE);
            int removed = count(outcomes, RemoveResult.Outcome.REMOVED);
            assertThat(removed + count(outcomes, RemoveResult.Outcome.KEPT)).isEqualTo(released.get());
            assertThat(fx.emulator.requestCount(Endpoint.GIT_CREDENTIALS_DELETE))
                    .isEqualTo(removed);
            assertThat(fx.stored()).as("credentials left behind").isEmpty();
        }
    }

    private static int count(Map<RemoveResult.Outcome, AtomicInteger> outcomes, RemoveResult.Outcome outcome) {
        AtomicInteger n = outcomes.get(outcome);
        return n == null ? 0 : n.get();
    }

    private static void checkHeld(
            EngineFixture fx, String expected, String when, ConcurrentLinkedQueue<String> lostUpdates) {
        Optional<StoredGitCredential> stored = fx.storedBitbucket();
        if (stored.isEmpty()) {
            lostUpdates.add(when + ": no credential");
        } else if (!stored.get().token().equals(expected)) {
            lostUpdates.add(when + ": another token");
        }
    }
}
