package io.jenkins.plugins.databricksgit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemovalRunnerTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();
    private RemovalRunner runner;

    @AfterEach
    void stop() {
        release.countDown();
        if (runner != null) {
            runner.close();
        }
    }

    /** A removal that hangs until the test releases it, counting how many hang at once. */
    private boolean hang() throws InterruptedException {
        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            return release.await(60, TimeUnit.SECONDS);
        } finally {
            running.decrementAndGet();
        }
    }

    @Test
    void neverMoreThreadsThanConfiguredWhateverIsWaiting() throws Exception {
        runner = new RemovalRunner(2, 100, "test removal");
        List<CompletableFuture<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            futures.add(runner.submit("r" + i, "principal " + i, this::hang, () -> {}));
        }
        awaitRunning(2);
        Thread.sleep(100);

        assertThat(runner.threads()).isEqualTo(2);
        assertThat(mostRunning).hasValue(2);
        assertThat(runner.waiting()).isEqualTo(28);

        release.countDown();
        for (CompletableFuture<Boolean> f : futures) {
            assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(runner.threads()).isLessThanOrEqualTo(2);
    }

    @Test
    void oneAttemptAtATimePerPrincipalInTheOrderAskedFor() throws Exception {
        runner = new RemovalRunner(4, 100, "test removal");
        List<String> order = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Boolean>> futures = new ArrayList<>();
        futures.add(runner.submit("first", "one principal", this::hang, () -> {}));
        awaitRunning(1);
        for (int i = 0; i < 5; i++) {
            String id = "r" + i;
            futures.add(runner.submit(id, "one principal", () -> order.add(id), () -> {}));
        }
        Thread.sleep(100);
        assertThat(order).as("waiting behind the hanging one, not on threads").isEmpty();
        assertThat(runner.threads()).isEqualTo(1);

        release.countDown();
        for (CompletableFuture<Boolean> f : futures) {
            assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(order).containsExactly("r0", "r1", "r2", "r3", "r4");
    }

    @Test
    void aFullQueueRejectsAtOnceAndTheAttemptReportsFalse() throws Exception {
        runner = new RemovalRunner(1, 2, "test removal");
        List<String> rejected = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> first = runner.submit("a", "p1", this::hang, () -> rejected.add("a"));
        awaitRunning(1);
        CompletableFuture<Boolean> second = runner.submit("b", "p2", () -> true, () -> rejected.add("b"));
        CompletableFuture<Boolean> third = runner.submit("c", "p1", () -> true, () -> rejected.add("c"));

        CompletableFuture<Boolean> fourth = runner.submit("d", "p3", () -> true, () -> rejected.add("d"));

        assertThat(fourth).isCompletedWithValue(false);
        assertThat(rejected).containsExactly("d");
        release.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(third.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.waiting()).isZero();
    }

    @Test
    void anAttemptOfARemovalQueuedOrRunningIsJoined() throws Exception {
        runner = new RemovalRunner(1, 10, "test removal");
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Boolean> running = runner.submit("a", "p", this::hang, () -> {});
        awaitRunning(1);
        CompletableFuture<Boolean> queued = runner.submit("b", "p", () -> calls.incrementAndGet() > 0, () -> {});

        assertThat(runner.submit("a", "p", () -> false, () -> {})).isSameAs(running);
        assertThat(runner.submit("b", "p", () -> false, () -> {})).isSameAs(queued);
        assertThat(runner.isBusy("b")).isTrue();

        release.countDown();
        assertThat(queued.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(calls).hasValue(1);
        assertThat(runner.isBusy("b")).isFalse();
    }

    @Test
    void aFailingAttemptDoesNotStopItsLane() throws Exception {
        runner = new RemovalRunner(1, 10, "test removal");
        CompletableFuture<Boolean> failing = runner.submit(
                "a",
                "p",
                () -> {
                    throw new IllegalStateException("bug");
                },
                () -> {});
        CompletableFuture<Boolean> next = runner.submit("b", "p", () -> true, () -> {});

        assertThat(next.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failing).isCompletedExceptionally();
    }

    private void awaitRunning(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (running.get() < n) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
