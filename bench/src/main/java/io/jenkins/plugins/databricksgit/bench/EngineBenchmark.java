package io.jenkins.plugins.databricksgit.bench;

import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksAuth;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.LeaseWaitTimeoutException;
import io.jenkins.plugins.databricksgit.core.PushRequest;
import io.jenkins.plugins.databricksgit.core.PushResult;
import io.jenkins.plugins.databricksgit.core.RemoveResult;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.Target;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the push/remove engine against the in-process emulator over loopback HTTP and prints the figures: round
 * trips per push, per-operation latency, and throughput of concurrent pushes with the same and with different tokens.
 * The emulator answers in well under a millisecond, so the figures show the engine's and the HTTP stack's own cost,
 * not a real workspace's; the request counts carry over to a real workspace unchanged.
 *
 * <p>Usage: {@code java -jar bench/target/benchmarks.jar [iterations] [threads]} (defaults 500 and 16).
 */
public final class EngineBenchmark {
    private static final List<String> TOKENS =
            List.of("ATCTT3xFfGN0benchred", "ATCTT3xFfGN0benchgreen", "ATCTT3xFfGN0benchblue");

    /** What a Jenkins controller or the CLI uses: the shared client, whose pool keeps connections alive. */
    private static final ClientSettings SETTINGS = ClientSettings.defaults();

    private final DatabricksEmulator emulator;
    private final EmulatedPrincipal sp;
    private final String managerPat;
    private final String spPat;

    private EngineBenchmark(DatabricksEmulator emulator) {
        this.emulator = emulator;
        this.sp = emulator.addServicePrincipal("bench-bot");
        this.spPat = emulator.issuePat(sp);
        EmulatedPrincipal manager = emulator.addServicePrincipal("bench-controller");
        this.managerPat = emulator.issuePat(manager);
        emulator.grantManager(manager, sp);
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        try (DatabricksEmulator emulator = DatabricksEmulator.start()) {
            EngineBenchmark bench = new EngineBenchmark(emulator);
            System.out.printf(
                    Locale.ROOT,
                    "Engine benchmark: %d iterations, %d threads, %d available processors, Java %s%n",
                    iterations,
                    threads,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            bench.warmUp();
            bench.requestsPerPush();
            bench.latency(iterations);
            bench.sameTokenThroughput(iterations, threads);
            bench.differentTokenContention(iterations, threads);
        }
    }

    private DatabricksClient client(String pat) {
        return new DatabricksClient(
                WorkspaceUrl.parse(emulator.url()), DatabricksAuth.bearerToken(SecretValue.of(pat)), SETTINGS);
    }

    private Target managed() {
        return new Target(client(managerPat), sp.applicationId());
    }

    private static PushRequest keep(Target target, String token) {
        return new PushRequest(
                target,
                BitbucketToken.of(token, "acme", "website"),
                null,
                null,
                false,
                null,
                Duration.ofSeconds(30),
                "bench",
                null);
    }

    private static PushRequest lease(Target target, String token, String holder, Duration wait) {
        return lease(target, token, holder, wait, null);
    }

    private static PushRequest lease(Target target, String token, String holder, Duration wait, AtomicInteger waited) {
        return new PushRequest(
                target, BitbucketToken.of(token, "acme", "website"), null, null, true, null, wait, holder, message -> {
                    if (waited != null && message.startsWith("Waiting for ")) {
                        waited.incrementAndGet();
                    }
                });
    }

    private void warmUp() throws Exception {
        GitCredentialEngine engine = new GitCredentialEngine();
        Target target = managed();
        for (int i = 0; i < 300; i++) {
            PushResult pushed = engine.push(keep(target, TOKENS.get(i % TOKENS.size())));
            if (i % 10 == 0) {
                engine.remove(target, pushed.credentialId());
            }
        }
        engine.removeBitbucketCredential(target);
    }

    private void requestsPerPush() throws Exception {
        System.out.println();
        System.out.println("Requests per push (emulator request counts)");
        scenario("own mode, cold engine, no credential yet", () -> {
            new GitCredentialEngine().push(keep(new Target(client(spPat), null), TOKENS.get(0)));
        });
        scenario("own mode, cold engine, credential exists", () -> {
            new GitCredentialEngine().push(keep(new Target(client(spPat), null), TOKENS.get(1)));
        });
        new GitCredentialEngine().removeBitbucketCredential(new Target(client(spPat), null));
        scenario("manager mode, cold engine, no credential yet", () -> {
            new GitCredentialEngine().push(keep(managed(), TOKENS.get(0)));
        });
        scenario("manager mode, cold engine, credential exists", () -> {
            new GitCredentialEngine().push(keep(managed(), TOKENS.get(1)));
        });
        GitCredentialEngine warm = new GitCredentialEngine();
        Target target = managed();
        warm.push(keep(target, TOKENS.get(0)));
        scenario("manager mode, known id", () -> warm.push(keep(target, TOKENS.get(2))));
        PushResult pushed = warm.push(keep(target, TOKENS.get(0)));
        scenario("remove by id", () -> warm.remove(target, pushed.credentialId()));
        scenario("remove by id, already gone", () -> warm.remove(target, pushed.credentialId()));
    }

    private interface Step {
        void run() throws Exception;
    }

    private void scenario(String name, Step step) throws Exception {
        emulator.resetCounts();
        step.run();
        Map<Endpoint, Integer> counts = nonZero(emulator.requestCounts());
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(Locale.ROOT, "  %-48s %d  %s%n", name, total, counts);
    }

    private void latency(int iterations) throws Exception {
        GitCredentialEngine engine = new GitCredentialEngine();
        Target target = managed();
        engine.push(keep(target, TOKENS.get(0)));
        long[] knownIdPush = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            engine.push(keep(target, TOKENS.get(i % TOKENS.size())));
            knownIdPush[i] = System.nanoTime() - start;
        }
        engine.removeBitbucketCredential(target);

        long[] coldPush = new long[iterations];
        long[] remove = new long[iterations];
        long[] leasePush = new long[iterations];
        long[] release = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            GitCredentialEngine cold = new GitCredentialEngine();
            long start = System.nanoTime();
            PushResult pushed = cold.push(keep(target, TOKENS.get(0)));
            coldPush[i] = System.nanoTime() - start;
            start = System.nanoTime();
            cold.remove(target, pushed.credentialId());
            remove[i] = System.nanoTime() - start;

            start = System.nanoTime();
            PushResult leased = engine.push(lease(target, TOKENS.get(1), "bench", Duration.ofSeconds(30)));
            leasePush[i] = System.nanoTime() - start;
            start = System.nanoTime();
            engine.release(leased.lease(), target.client());
            release[i] = System.nanoTime() - start;
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Latency over %d operations (manager mode)%n", iterations);
        printLatency("push, known id (1 PATCH)", knownIdPush);
        printLatency("push, cold engine (resolve + list + create)", coldPush);
        printLatency("remove by id (1 DELETE)", remove);
        printLatency("push with lease (list + create)", leasePush);
        printLatency("release, last holder (DELETE)", release);
    }

    private static void printLatency(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "  %-48s median %6.2f ms   p95 %6.2f ms   max %6.2f ms%n",
                name,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private void sameTokenThroughput(int iterations, int threads) throws Exception {
        GitCredentialEngine engine = new GitCredentialEngine();
        Target target = managed();
        AtomicInteger kept = new AtomicInteger();
        emulator.resetCounts();
        long start = System.nanoTime();
        runConcurrently(iterations, threads, i -> {
            PushResult pushed = engine.push(lease(target, TOKENS.get(0), "build #" + i, Duration.ofSeconds(60)));
            if (engine.release(pushed.lease(), target.client()).outcome() == RemoveResult.Outcome.KEPT) {
                kept.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Same token, %d push/release pairs on %d threads: %.0f pairs/s (%.2f s); %d releases kept a shared"
                        + " credential%n  requests %s%n",
                iterations,
                threads,
                iterations / seconds,
                seconds,
                kept.get(),
                nonZero(emulator.requestCounts()));
    }

    private void differentTokenContention(int iterations, int threads) throws Exception {
        GitCredentialEngine engine = new GitCredentialEngine();
        Target target = managed();
        AtomicInteger timedOut = new AtomicInteger();
        AtomicInteger waited = new AtomicInteger();
        emulator.resetCounts();
        long start = System.nanoTime();
        runConcurrently(iterations, threads, i -> {
            try {
                PushResult pushed = engine.push(
                        lease(target, TOKENS.get(i % TOKENS.size()), "build #" + i, Duration.ofSeconds(60), waited));
                engine.release(pushed.lease(), target.client());
            } catch (LeaseWaitTimeoutException e) {
                timedOut.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%d tokens, %d push/release pairs on %d threads: %.0f pairs/s (%.2f s); %d waited, %d timed out%n"
                        + "  requests %s%n",
                TOKENS.size(),
                iterations,
                threads,
                iterations / seconds,
                seconds,
                waited.get(),
                timedOut.get(),
                nonZero(emulator.requestCounts()));
    }

    private interface Task {
        void run(int index) throws Exception;
    }

    private static void runConcurrently(int iterations, int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    task.run(index);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Map<Endpoint, Integer> nonZero(Map<Endpoint, Integer> counts) {
        Map<Endpoint, Integer> result = new EnumMap<>(Endpoint.class);
        counts.forEach((endpoint, count) -> {
            if (count != 0) {
                result.put(endpoint, count);
            }
        });
        return result;
    }
}
