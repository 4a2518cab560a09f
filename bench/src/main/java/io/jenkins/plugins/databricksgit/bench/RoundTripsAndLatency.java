package io.jenkins.plugins.databricksgit.bench;

import io.jenkins.plugins.databricksgit.bench.Clients.CredentialClient;
import io.jenkins.plugins.databricksgit.bench.Clients.Kind;
import io.jenkins.plugins.databricksgit.bench.Clients.Login;
import io.jenkins.plugins.databricksgit.bench.Clients.Mode;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Round trips and latency per operation, client and mode. One cycle is what a user's runs do: a push from a fresh
 * process to a principal without a credential (kept); a push from another fresh process while the credential exists;
 * the same process pushing again; removing the credential it pushed; removing it again when it is gone; then a push
 * from a fresh process whose removal is planned (the block form, {@code cleanup: true}, the CLI's {@code run}) to the
 * principal without a credential, and that process removing what it pushed. Cycle 0 gives the request counts (and
 * warms the JIT); the following cycles give the latency, with every request delayed. Modes that are not timed run
 * cycle 0 only.
 */
final class RoundTripsAndLatency implements Benchmarks.Section {
    enum Op {
        PUSH_ABSENT("push_absent", "push, no credential yet (new process)"),
        PUSH_EXISTS("push_exists", "push, credential exists (new process)"),
        PUSH_WARM("push_warm", "push again (same process)"),
        REMOVE("remove", "remove"),
        REMOVE_GONE("remove_gone", "remove, already gone"),
        PUSH_ABSENT_FOR_REMOVAL("push_absent_for_removal", "push for removal, none yet (new process)"),
        RELEASE("release", "remove what that push wrote");

        final String key;
        final String label;

        Op(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    private static final String[] TOKENS = {"ATCTT3xFfGN0benchRed", "ATCTT3xFfGN0benchGreen", "ATCTT3xFfGN0benchBlue"};

    @Override
    public String key() {
        return "operations";
    }

    @Override
    public String title() {
        return "Round trips (counted by the emulator) and latency per operation";
    }

    private interface Step {
        void run() throws Exception;
    }

    @Override
    public Map<String, Object> run(Benchmarks options, PrintStream out) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("latency_per_request_ms", options.latencyMillis);
        result.put("samples", options.samples);
        try (BenchWorkspace w = new BenchWorkspace(1)) {
            w.latency(options.latencyMillis);
            Map<Mode, Map<Kind, Map<Op, Integer>>> trips = new EnumMap<>(Mode.class);
            Map<Mode, Map<Kind, Map<Op, Stats>>> latency = new EnumMap<>(Mode.class);
            Map<Mode, Map<Kind, Map<Op, Map<Endpoint, Integer>>>> detail = new EnumMap<>(Mode.class);
            for (Mode mode : Mode.values()) {
                for (Kind kind : mode.kinds) {
                    Map<Op, Integer> counts = new EnumMap<>(Op.class);
                    Map<Op, Map<Endpoint, Integer>> endpoints = new EnumMap<>(Op.class);
                    Map<Op, List<Long>> nanos = new EnumMap<>(Op.class);
                    for (Op op : Op.values()) {
                        nanos.put(op, new ArrayList<>());
                    }
                    Login login = Login.of(w, 0, mode);
                    int cycles = mode.timed ? options.samples : 0;
                    for (int cycle = 0; cycle <= cycles; cycle++) {
                        boolean measured = cycle > 0;
                        long[] id = new long[2];
                        CredentialClient[] client = new CredentialClient[2];
                        Step[] steps = {
                            () -> kind.open(login).push(TOKENS[0]),
                            () -> {
                                client[0] = kind.open(login);
                                id[0] = client[0].push(TOKENS[1]);
                            },
                            () -> id[0] = client[0].push(TOKENS[2]),
                            () -> client[0].remove(id[0]),
                            () -> client[0].remove(id[0]),
                            () -> {
                                client[1] = kind.open(login);
                                id[1] = client[1].pushForRemoval(TOKENS[0]);
                            },
                            () -> client[1].remove(id[1])
                        };
                        for (Op op : Op.values()) {
                            w.emulator.resetCounts();
                            long start = System.nanoTime();
                            steps[op.ordinal()].run();
                            long elapsed = System.nanoTime() - start;
                            if (measured) {
                                nanos.get(op).add(elapsed);
                            } else {
                                counts.put(op, w.roundTrips());
                                endpoints.put(op, w.nonZeroCounts());
                            }
                        }
                        if (w.credentialsLeft() != 0) {
                            throw new IllegalStateException(kind + " left a credential behind in cycle " + cycle);
                        }
                    }
                    Map<Op, Stats> stats = new EnumMap<>(Op.class);
                    nanos.forEach((op, list) -> stats.put(op, Stats.ofNanos(list)));
                    trips.computeIfAbsent(mode, m -> new EnumMap<>(Kind.class)).put(kind, counts);
                    latency.computeIfAbsent(mode, m -> new EnumMap<>(Kind.class))
                            .put(kind, stats);
                    detail.computeIfAbsent(mode, m -> new EnumMap<>(Kind.class)).put(kind, endpoints);
                }
            }
            Stats raw = rawRequest(w, options);

            printTrips(out, trips, detail);
            printLatency(out, options, latency, raw);

            Map<String, Object> tripsJson = new LinkedHashMap<>();
            Map<String, Object> latencyJson = new LinkedHashMap<>();
            Map<String, Object> ratioJson = new LinkedHashMap<>();
            for (Mode mode : Mode.values()) {
                Map<String, Object> tripsMode = new LinkedHashMap<>();
                Map<String, Object> latencyMode = new LinkedHashMap<>();
                for (Kind kind : kinds(mode)) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    Map<String, Object> l = new LinkedHashMap<>();
                    for (Op op : Op.values()) {
                        t.put(op.key, trips.get(mode).get(kind).get(op));
                        if (mode.timed) {
                            l.put(op.key, latency.get(mode).get(kind).get(op).json());
                        }
                    }
                    tripsMode.put(kind.key, t);
                    latencyMode.put(kind.key, l);
                }
                tripsJson.put(mode.key, tripsMode);
                if (!mode.timed) {
                    continue;
                }
                latencyJson.put(mode.key, latencyMode);
                Map<String, Object> ratios = new LinkedHashMap<>();
                for (Op op : Op.values()) {
                    ratios.put(op.key, ratioToBest(latency.get(mode), op));
                }
                ratioJson.put(mode.key, ratios);
            }
            result.put("round_trips", tripsJson);
            result.put("latency", latencyJson);
            result.put("raw_request", raw.json());
            result.put(
                    "warm_push_vs_raw_request",
                    Stats.round(latency.get(Mode.OWN)
                                    .get(Kind.ENGINE)
                                    .get(Op.PUSH_WARM)
                                    .p50()
                            / raw.p50()));
            result.put("engine_p50_vs_best_alternative", ratioJson);
        }
        return result;
    }

    /** The clients measured in a mode, in the order of {@link Kind}. */
    private static List<Kind> kinds(Mode mode) {
        List<Kind> kinds = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (mode.kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Our median over the better of the two alternatives' medians. */
    private static double ratioToBest(Map<Kind, Map<Op, Stats>> byKind, Op op) {
        double ours = byKind.get(Kind.ENGINE).get(op).p50();
        double best = Math.min(
                byKind.get(Kind.NAIVE).get(op).p50(),
                byKind.get(Kind.SDK).get(op).p50());
        return Stats.round(ours / best);
    }

    /** One plain OkHttp PATCH of an existing credential: what a single round trip costs. */
    private static Stats rawRequest(BenchWorkspace w, Benchmarks options) throws Exception {
        Clients.NaiveClient naive = new Clients.NaiveClient(Login.of(w, 0, Mode.OWN));
        long id = naive.push(TOKENS[0]);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i <= options.samples * 2; i++) {
            long start = System.nanoTime();
            naive.rawUpdate(id, TOKENS[i % TOKENS.length]);
            if (i > 0) {
                nanos.add(System.nanoTime() - start);
            }
        }
        naive.remove(id);
        return Stats.ofNanos(nanos);
    }

    private static void printTrips(
            PrintStream out,
            Map<Mode, Map<Kind, Map<Op, Integer>>> trips,
            Map<Mode, Map<Kind, Map<Op, Map<Endpoint, Integer>>>> detail) {
        for (Mode mode : Mode.values()) {
            List<Kind> kinds = kinds(mode);
            out.println();
            out.println("Round trips, " + mode.label + " (OAuth token requests not counted):");
            out.printf(Locale.ROOT, "  %-42s", "");
            for (Kind kind : kinds) {
                out.printf(Locale.ROOT, " %8s", kind.key);
            }
            out.println();
            for (Op op : Op.values()) {
                out.printf(Locale.ROOT, "  %-42s", op.label);
                for (Kind kind : kinds) {
                    out.printf(Locale.ROOT, " %8d", trips.get(mode).get(kind).get(op));
                }
                out.println();
            }
            for (Kind kind : kinds) {
                out.println("  " + kind.label + ":");
                for (Op op : Op.values()) {
                    out.printf(
                            Locale.ROOT,
                            "    %-40s %s%n",
                            op.label,
                            detail.get(mode).get(kind).get(op));
                }
            }
        }
    }

    private static void printLatency(
            PrintStream out, Benchmarks options, Map<Mode, Map<Kind, Map<Op, Stats>>> latency, Stats raw) {
        for (Mode mode : Mode.values()) {
            if (!mode.timed) {
                continue;
            }
            out.println();
            out.printf(
                    Locale.ROOT,
                    "Latency in ms with %d ms per request, %s, %d samples (p50 p95; ratio = engine p50 / best"
                            + " alternative p50):%n",
                    options.latencyMillis,
                    mode.label,
                    options.samples);
            out.printf(Locale.ROOT, "  %-42s %15s %15s %15s %6s%n", "", "engine", "naive", "sdk", "ratio");
            for (Op op : Op.values()) {
                out.printf(
                        Locale.ROOT,
                        "  %-42s %15s %15s %15s %6.2f%n",
                        op.label,
                        latency.get(mode).get(Kind.ENGINE).get(op),
                        latency.get(mode).get(Kind.NAIVE).get(op),
                        latency.get(mode).get(Kind.SDK).get(op),
                        ratioToBest(latency.get(mode), op));
            }
        }
        out.printf(
                Locale.ROOT,
                "%nOne raw OkHttp request (PATCH): p50 %.2f ms, p95 %.2f ms; engine warm push / raw request: %.2f%n",
                raw.p50(),
                raw.p95(),
                latency.get(Mode.OWN).get(Kind.ENGINE).get(Op.PUSH_WARM).p50() / raw.p50());
    }
}
