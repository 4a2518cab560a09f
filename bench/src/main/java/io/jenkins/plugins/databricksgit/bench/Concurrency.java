package io.jenkins.plugins.databricksgit.bench;

import io.jenkins.plugins.databricksgit.bench.Clients.CredentialClient;
import io.jenkins.plugins.databricksgit.bench.Clients.Kind;
import io.jenkins.plugins.databricksgit.bench.Clients.Login;
import io.jenkins.plugins.databricksgit.bench.Clients.Mode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many builds at once: push+remove pairs spread over several service principals, on a thread pool, through one
 * client per kind (a Jenkins controller's, or one script host's), in manager mode. Builds of one principal push the
 * same token. Errors are pairs that threw; leftovers are credentials still stored afterwards.
 */
final class Concurrency implements Benchmarks.Section {
    private static final long TIME_LIMIT_MINUTES = 5;

    @Override
    public String key() {
        return "concurrency";
    }

    @Override
    public String title() {
        return "Concurrent push+remove pairs (manager mode, latency per request as above)";
    }

    @Override
    public Map<String, Object> run(Benchmarks options, PrintStream out) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("pairs", options.pairs);
        result.put("principals", options.principals);
        result.put("threads", options.threads);
        out.printf(
                Locale.ROOT,
                "  %d pairs over %d principals on %d threads, %d ms per request%n",
                options.pairs,
                options.principals,
                options.threads,
                options.latencyMillis);
        out.printf(
                Locale.ROOT,
                "  %-34s %9s %7s %10s %9s %9s%n",
                "",
                "pairs/s",
                "errors",
                "leftovers",
                "p50 ms",
                "p99 ms");
        for (Kind kind : Kind.values()) {
            try (BenchWorkspace w = new BenchWorkspace(options.principals)) {
                w.latency(options.latencyMillis);
                // One client per principal, shared by the threads: the manager's engine is one per JVM anyway.
                List<CredentialClient> clients = new ArrayList<>();
                Clients.EngineClient shared = null;
                for (int p = 0; p < options.principals; p++) {
                    Login login = Login.of(w, p, Mode.MANAGER);
                    if (kind == Kind.ENGINE) {
                        clients.add(new Clients.EngineClient(login, engineOf(shared)));
                        shared = (Clients.EngineClient) clients.get(p);
                    } else {
                        clients.add(kind.open(login));
                    }
                }
                AtomicInteger errors = new AtomicInteger();
                ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
                ExecutorService pool = Executors.newFixedThreadPool(options.threads);
                java.util.Random random = new java.util.Random(42);
                long start = System.nanoTime();
                for (int i = 0; i < options.pairs; i++) {
                    // Random, so that builds of one principal overlap as they do for real (seeded: every run alike).
                    int principal = random.nextInt(options.principals);
                    pool.execute(() -> {
                        CredentialClient client = clients.get(principal);
                        long begin = System.nanoTime();
                        try {
                            long id = client.pushForRemoval("ATCTT3xFfGN0benchPrincipal" + principal);
                            client.remove(id);
                        } catch (Exception | Error e) {
                            errors.incrementAndGet();
                        }
                        nanos.add(System.nanoTime() - begin);
                    });
                }
                pool.shutdown();
                if (!pool.awaitTermination(TIME_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                    pool.shutdownNow();
                    throw new IllegalStateException(kind + " did not finish in " + TIME_LIMIT_MINUTES + " min");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Stats stats = Stats.ofNanos(new ArrayList<>(nanos));
                int leftovers = w.credentialsLeft();
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("pairs_per_s", Stats.round(options.pairs / seconds));
                k.put("errors", errors.get());
                k.put("leftovers", leftovers);
                k.put("p50_ms", stats.p50());
                k.put("p99_ms", stats.p99());
                result.put(kind.key, k);
                out.printf(
                        Locale.ROOT,
                        "  %-34s %9.1f %7d %10d %9.2f %9.2f%n",
                        kind.label,
                        options.pairs / seconds,
                        errors.get(),
                        leftovers,
                        stats.p50(),
                        stats.p99());
            }
        }
        return result;
    }

    private static io.jenkins.plugins.databricksgit.core.GitCredentialEngine engineOf(Clients.EngineClient first) {
        return first == null ? new io.jenkins.plugins.databricksgit.core.GitCredentialEngine() : first.engine();
    }
}
