package io.jenkins.plugins.databricksgit.bench;

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
import io.jenkins.plugins.databricksgit.core.lifecycle.RemovalStore;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What completing builds cost the controller while Databricks hangs: {@code builds} builds, each with a credential
 * pushed with {@code cleanup: true} to its own service principal, complete at the same moment while every removal's
 * first request gets its answer only after {@code hang} seconds (the emulator's latency fault). Prints, for the
 * lifecycle's bounded removal threads and, for comparison, for one thread per removal (what the controller did
 * before removals were bounded), how long the 200 completions took, the removal threads alive and the requests that
 * reached Databricks during the hang.
 *
 * <p>The build-completion safety net waits {@code wait} milliseconds here (20 s in Jenkins), so that a run takes
 * seconds; the removals then go on in the background, and the run ends without waiting for them.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.jenkins.plugins.databricksgit.bench.HangingRemovalBenchmark
 * [builds] [hang seconds] [wait ms]} (defaults 200, 30, 2000).
 */
public final class HangingRemovalBenchmark {
    private static final String REMOVAL_THREAD = "databricks-git-credential removal";

    private HangingRemovalBenchmark() {}

    public static void main(String[] args) throws Exception {
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Duration hang = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
        Duration wait = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 2000);
        // The lifecycle logs every handed-over removal; the figures are what matters here.
        Logger.getLogger("io.jenkins.plugins.databricksgit").setLevel(Level.WARNING);
        System.out.printf(
                Locale.ROOT,
                "Hanging Databricks: %d builds complete at once, each removal's first request answered after %d s,"
                        + " safety net waits %d ms; %d available processors, Java %s%n",
                builds,
                hang.toSeconds(),
                wait.toMillis(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        LifecycleSettings base =
                new LifecycleSettings(wait, Duration.ofMinutes(1), Duration.ofHours(1), Clock.systemUTC());
        run(
                "bounded (defaults: " + base.removalThreads() + " threads, queue " + base.removalQueue() + ")",
                builds,
                hang,
                base);
        run("one thread per removal (as before)", builds, hang, base.withRemovalThreads(builds, builds));
    }

    private static void run(String label, int builds, Duration hang, LifecycleSettings settings) throws Exception {
        try (DatabricksEmulator emulator = DatabricksEmulator.start()) {
            String token = emulator.addBitbucketRepositoryToken("acme", "bench", Set.of("repository"));
            Host host = new Host();
            CredentialLifecycle lifecycle = new CredentialLifecycle(new GitCredentialEngine(), host, settings);
            try {
                for (int i = 0; i < builds; i++) {
                    EmulatedPrincipal sp = emulator.addServicePrincipal("bench-" + i);
                    String buildId = "bench#" + i;
                    host.pats.put(buildId, emulator.issuePat(sp));
                    lifecycle.push(
                            new PushSpec(
                                    buildId,
                                    buildId,
                                    Cleanup.AT_BUILD_END,
                                    null,
                                    buildId,
                                    null,
                                    new Target(client(emulator.url(), host.pats.get(buildId)), null),
                                    BitbucketToken.of(token, "acme", "bench"),
                                    null,
                                    null,
                                    null,
                                    null),
                            host.store(buildId),
                            line -> {});
                }
                emulator.resetCounts();
                emulator.inject(
                        Endpoint.GIT_CREDENTIALS_GET, Fault.latency(hang).times(builds));
                int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

                AtomicInteger mostRemovalThreads = new AtomicInteger();
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        mostRemovalThreads.accumulateAndGet(removalThreads(), Math::max);
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.setDaemon(true);
                sampler.start();
                CountDownLatch go = new CountDownLatch(1);
                CountDownLatch done = new CountDownLatch(builds);
                List<Thread> completing = new ArrayList<>();
                for (int i = 0; i < builds; i++) {
                    String buildId = "bench#" + i;
                    Thread t = new Thread(() -> {
                        try {
                            go.await();
                            lifecycle.buildCompleted(buildId, host.store(buildId), line -> {});
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            done.countDown();
                        }
                    });
                    t.start();
                    completing.add(t);
                }
                long started = System.nanoTime();
                go.countDown();
                done.await();
                double seconds = (System.nanoTime() - started) / 1e9;
                for (Thread t : completing) {
                    t.join();
                }
                Thread.sleep(200);
                sampler.interrupt();
                int removalThreads = removalThreads();
                int jvmThreads = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore;
                System.out.printf(
                        Locale.ROOT,
                        "  %-42s %d completions in %5.2f s; removal threads alive %3d (most %3d); JVM threads %+4d"
                                + " (with the emulator's own); removals sent during the hang %3d, still pending %3d%n",
                        label,
                        builds,
                        seconds,
                        removalThreads,
                        mostRemovalThreads.get(),
                        jvmThreads,
                        emulator.requestCount(Endpoint.GIT_CREDENTIALS_GET),
                        lifecycle.pending().size());
            } finally {
                lifecycle.close();
            }
        }
    }

    private static int removalThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(REMOVAL_THREAD)) {
                n++;
            }
        }
        return n;
    }

    private static DatabricksClient client(String url, String pat) {
        return new DatabricksClient(
                WorkspaceUrl.parse(url), DatabricksAuth.bearerToken(SecretValue.of(pat)), ClientSettings.defaults());
    }

    /** Builds in memory, each pushing with its own principal's token; nothing is persisted. */
    private static final class Host implements LifecycleHost {
        final Map<String, String> pats = new ConcurrentHashMap<>();
        final Map<String, Map<String, PendingRemoval>> stores = new ConcurrentHashMap<>();

        @Override
        public Target target(PendingRemoval removal) {
            return new Target(client(removal.workspaceUrl(), pats.get(removal.databricksCredentialsId())), null);
        }

        @Override
        public RemovalStore store(String buildId) {
            Map<String, PendingRemoval> records = stores.computeIfAbsent(buildId, b -> new ConcurrentHashMap<>());
            return new RemovalStore() {
                @Override
                public void put(PendingRemoval removal) {
                    records.put(removal.id(), removal);
                }

                @Override
                public void delete(String id) {
                    records.remove(id);
                }

                @Override
                public List<PendingRemoval> list() {
                    return new ArrayList<>(records.values());
                }
            };
        }

        @Override
        public boolean isBuilding(String buildId) {
            return false;
        }

        @Override
        public void saveRegistry(PendingRemovalFile.Contents contents) {}
    }
}
