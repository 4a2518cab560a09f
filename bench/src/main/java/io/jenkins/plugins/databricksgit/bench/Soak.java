package io.jenkins.plugins.databricksgit.bench;

import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksAuth;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.PushRequest;
import io.jenkins.plugins.databricksgit.core.PushResult;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.Target;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * A fixed number of push+release operations by 8 workers over 16 service principals (each worker has its own two,
 * as two builds of one job would), with a random fault from the fault matrix before about a quarter of them. A
 * failed release is retried as the plugin retries pending removals; a push that failed after it may have been
 * applied is cleaned up with a removal, as the CLI's documented recovery does. Every log record (at FINE), progress
 * line and error message is searched for the secrets in play (canaries). Runs on demand only:
 * {@code java -cp bench/target/benchmarks.jar io.jenkins.plugins.databricksgit.bench.Soak}, or
 * {@code --section soak}.
 */
public final class Soak implements Benchmarks.Section {
    static final int WORKERS = 8;
    static final int PRINCIPALS = 16;
    static final long TIME_LIMIT_MINUTES = 10;
    static final int CLEANUP_ATTEMPTS = 20;
    static final Set<Endpoint> WRITES =
            Set.of(Endpoint.GIT_CREDENTIALS_CREATE, Endpoint.GIT_CREDENTIALS_UPDATE, Endpoint.GIT_CREDENTIALS_DELETE);

    public static void main(String[] args) {
        List<String> all = new ArrayList<>(List.of("--section", "soak"));
        all.addAll(List.of(args));
        Benchmarks.main(all.toArray(String[]::new));
    }

    @Override
    public String key() {
        return "soak";
    }

    @Override
    public String title() {
        return "Soak: random faults under concurrency (on demand)";
    }

    @Override
    public boolean byDefault() {
        return false;
    }

    /** The faults of the matrix, by name. */
    private static Map<String, Supplier<Fault>> faults() {
        Map<String, Supplier<Fault>> f = new TreeMap<>();
        f.put("429 Retry-After 1 s", () -> Fault.rateLimited(1));
        f.put("429 Retry-After date", () -> Fault.rateLimitedUntil(Instant.now().plusSeconds(1)));
        f.put("429 Retry-After 10^9 s", () -> Fault.rateLimited("1000000000"));
        f.put("429 Retry-After 2^63-1 s", () -> Fault.rateLimited(Long.toString(Long.MAX_VALUE)));
        f.put("500", () -> Fault.status(500));
        f.put("503", () -> Fault.status(503));
        f.put("reset before applying", Fault::dropConnection);
        f.put("reset after applying", Fault::dropConnectionAfterApplying);
        f.put("read timeout (applied, late answer)", () -> Fault.latency(Duration.ofMillis(1500)));
        f.put("stall (not applied)", () -> Fault.stall(Duration.ofMillis(1500)));
        f.put("malformed JSON", Fault::malformedBody);
        f.put("HTML page", () -> Fault.html(502));
        f.put("invalid (expired) access token", Fault::invalidAccessToken);
        return f;
    }

    @Override
    public Map<String, Object> run(Benchmarks options, PrintStream out) throws Exception {
        int operations = options.soakOperations;
        Map<String, Supplier<Fault>> faults = faults();
        List<String> faultNames = new ArrayList<>(faults.keySet());
        faultNames.add("OAuth tokens expired");
        ConcurrentMap<String, AtomicInteger> injected = new ConcurrentHashMap<>();
        ConcurrentMap<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger cleanups = new AtomicInteger();
        AtomicInteger unrecovered = new AtomicInteger();
        StringWriter log = new StringWriter();
        PrintWriter logWriter = new PrintWriter(log);
        Handler capture = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public synchronized void publish(LogRecord record) {
                logWriter.print(formatter.format(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        Logger project = Logger.getLogger("io.jenkins.plugins.databricksgit");
        Level previous = project.getLevel();
        project.setLevel(Level.ALL);
        root.addHandler(capture);
        capture.setLevel(Level.ALL);
        Logger.getLogger("mockwebserver3").setLevel(Level.OFF);
        long started = System.nanoTime();
        int leftovers;
        List<String> canaries = new ArrayList<>();
        try (BenchWorkspace w = new BenchWorkspace(PRINCIPALS)) {
            w.pats.forEach(canaries::add);
            w.oauth.forEach(o -> canaries.add(o.clientSecret()));
            canaries.add(w.managerPat);
            ClientSettings settings = ClientSettings.builder()
                    .readTimeout(Duration.ofSeconds(1))
                    .maxAttempts(3)
                    .maxRetryTime(Duration.ofSeconds(10))
                    .retryListener(retry -> logWriter.println("retry: " + retry))
                    .build();
            GitCredentialEngine engine = new GitCredentialEngine();
            List<Target> targets = new ArrayList<>();
            for (int p = 0; p < PRINCIPALS; p++) {
                DatabricksAuth auth = DatabricksAuth.oauthClientCredentials(
                        w.oauth.get(p).clientId(), SecretValue.of(w.oauth.get(p).clientSecret()));
                targets.add(new Target(new DatabricksClient(WorkspaceUrl.parse(w.url()), auth, settings), null));
            }
            for (int p = 0; p < PRINCIPALS; p++) {
                canaries.add(token(p, 0));
                canaries.add(token(p, 1));
            }
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            AtomicInteger next = new AtomicInteger();
            for (int worker = 0; worker < WORKERS; worker++) {
                int me = worker;
                pool.execute(() -> {
                    Random random = new Random(1000 + me);
                    int i;
                    while ((i = next.getAndIncrement()) < operations) {
                        int principal = me + WORKERS * random.nextInt(PRINCIPALS / WORKERS);
                        Target target = targets.get(principal);
                        if (random.nextInt(4) == 0) {
                            String name = faultNames.get(random.nextInt(faultNames.size()));
                            injected.computeIfAbsent(name, k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (name.equals("OAuth tokens expired")) {
                                w.emulator.expireAllOAuthTokens();
                            } else {
                                w.emulator.injectAny(WRITES, faults.get(name).get());
                            }
                        }
                        String token = token(principal, random.nextInt(2));
                        PushResult pushed;
                        try {
                            pushed = engine.push(new PushRequest(
                                    target,
                                    BitbucketToken.of(token, null, null),
                                    null,
                                    null,
                                    true,
                                    null,
                                    Duration.ofSeconds(30),
                                    "soak worker " + me,
                                    logWriter::println));
                        } catch (Exception e) {
                            record(failures, e, logWriter);
                            if (e instanceof DatabricksException d && d.outcomeUnknown()) {
                                cleanups.incrementAndGet();
                                if (!retry(() -> engine.removeBitbucketCredential(target), failures, logWriter)) {
                                    unrecovered.incrementAndGet();
                                }
                            }
                            continue;
                        }
                        if (retry(() -> engine.release(pushed.lease(), target.client()), failures, logWriter)) {
                            succeeded.incrementAndGet();
                        } else {
                            unrecovered.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(TIME_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                pool.shutdownNow();
                throw new IllegalStateException("the soak did not finish in " + TIME_LIMIT_MINUTES + " min");
            }
            w.emulator.clearFaults();
            leftovers = w.credentialsLeft();
        } finally {
            root.removeHandler(capture);
            project.setLevel(previous);
        }
        logWriter.flush();
        String text = log.toString();
        int leaks = 0;
        for (String canary : canaries) {
            for (int at = text.indexOf(canary); at >= 0; at = text.indexOf(canary, at + 1)) {
                leaks++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int faultCount = injected.values().stream().mapToInt(AtomicInteger::get).sum();
        out.printf(
                Locale.ROOT,
                "  %d operations (push with a lease, then release) by %d workers over %d principals in %.1f s%n",
                operations,
                WORKERS,
                PRINCIPALS,
                seconds);
        out.printf(Locale.ROOT, "  faults injected: %d %s%n", faultCount, new TreeMap<>(injected));
        out.printf(Locale.ROOT, "  failures seen (each a clear error, by reason): %s%n", new TreeMap<>(failures));
        out.printf(
                Locale.ROOT,
                "  completed: %d; cleanups after an unknown outcome: %d; unrecovered: %d%n",
                succeeded.get(),
                cleanups.get(),
                unrecovered.get());
        out.printf(Locale.ROOT, "  credentials left behind: %d (goal 0)%n", leftovers);
        out.printf(
                Locale.ROOT,
                "  canary secrets in %,d characters of logs and messages: %d (goal 0)%n",
                text.length(),
                leaks);
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("operations", operations);
        result.put("workers", WORKERS);
        result.put("principals", PRINCIPALS);
        result.put("faults_injected", faultCount);
        result.put(
                "failures",
                failures.values().stream().mapToInt(AtomicInteger::get).sum());
        result.put("completed", succeeded.get());
        result.put("unrecovered", unrecovered.get());
        result.put("leftovers", leftovers);
        result.put("canary_leaks", leaks);
        result.put("log_characters", text.length());
        result.put("seconds", Stats.round(seconds));
        return result;
    }

    private interface Attempt {
        Object run() throws Exception;
    }

    /** Retries a removal as a pending removal is retried; {@code false} when it never succeeded. */
    private static boolean retry(Attempt attempt, ConcurrentMap<String, AtomicInteger> failures, PrintWriter log) {
        for (int i = 0; i < CLEANUP_ATTEMPTS; i++) {
            try {
                attempt.run();
                return true;
            } catch (Exception e) {
                record(failures, e, log);
            }
        }
        return false;
    }

    private static void record(ConcurrentMap<String, AtomicInteger> failures, Exception e, PrintWriter log) {
        String reason = e instanceof DatabricksException d
                ? d.reason().name()
                : e.getClass().getSimpleName();
        failures.computeIfAbsent(reason, k -> new AtomicInteger()).incrementAndGet();
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        log.println(trace);
    }

    private static String token(int principal, int which) {
        return "ATCTT3xFfGN0soakCanary" + principal + (which == 0 ? "Red" : "Blue");
    }
}
