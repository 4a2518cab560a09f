package io.jenkins.plugins.databricksgit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures this project's engine side by side with the two alternatives a user has: the naive curl flow (create; on
 * "already exists": list, delete, create again), written with plain OkHttp as a script would, and the official
 * Databricks SDK for Java. Everything runs against the in-process emulator on loopback, which counts every request
 * and can add a fixed latency to each. Prints a table per section and, last, one line of JSON with every figure
 * (its keys are stable, so that runs can be compared).
 *
 * <p>A section is one {@link Section}; add a benchmark by adding its class to {@link #SECTIONS}.
 */
@Command(
        name = "benchmarks",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measures the engine, the naive curl flow and the Databricks SDK for Java against the in-process "
                    + "Databricks emulator (loopback only), then prints one line of JSON with every figure.",
            ""
        },
        footer = {"", "Run from the repository root: the footprint section reads plugin/target and cli/target."})
public final class Benchmarks implements Callable<Integer> {
    /** Every section, in the order they run and print. */
    static final List<Section> SECTIONS =
            List.of(new RoundTripsAndLatency(), new Concurrency(), new OAuthTokens(), new Footprint(), new Soak());

    @Option(
            names = "--samples",
            paramLabel = "N",
            description = "Measured cycles per client and mode for latency (default: ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int samples;

    @Option(
            names = "--latency-ms",
            paramLabel = "MS",
            description = "Latency the emulator adds to every request (default: ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int latencyMillis;

    @Option(
            names = "--pairs",
            paramLabel = "N",
            description = "Push+remove pairs in the concurrency section (default: ${DEFAULT-VALUE}).",
            defaultValue = "500")
    int pairs;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads in the concurrency section (default: ${DEFAULT-VALUE}).",
            defaultValue = "16")
    int threads;

    @Option(
            names = "--principals",
            paramLabel = "N",
            description = "Service principals in the concurrency section (default: ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int principals;

    @Option(
            names = "--cli-runs",
            paramLabel = "N",
            description = "Measured runs of the CLI's push in the footprint section (default: ${DEFAULT-VALUE}).",
            defaultValue = "5")
    int cliRuns;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "Repository root, where plugin/target and cli/target are (default: the current directory).",
            defaultValue = ".")
    Path root;

    @Option(
            names = "--section",
            paramLabel = "NAME",
            description =
                    "Run only these sections (repeatable): operations, concurrency, oauth, footprint, soak. Default: all but soak.")
    List<String> only = new ArrayList<>();

    @Option(
            names = "--soak-operations",
            paramLabel = "N",
            description = "Operations of the soak section (default: ${DEFAULT-VALUE}).",
            defaultValue = "2000")
    int soakOperations;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Benchmarks());
        commandLine.setParameterExceptionHandler((ex, ignored) -> {
            ex.getCommandLine().getErr().println("benchmarks: " + ex.getMessage() + " (see --help)");
            return 2;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (String name : only) {
            if (SECTIONS.stream().noneMatch(s -> s.key().equals(name))) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this),
                        "unknown section '" + name + "'; sections: "
                                + String.join(
                                        ", ",
                                        SECTIONS.stream().map(Section::key).toList()));
            }
        }
        if (samples < 1 || pairs < 1 || threads < 1 || principals < 1 || cliRuns < 1 || latencyMillis < 0) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "counts must be at least 1 and the latency not negative");
        }
        PrintStream out = System.out;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("schema", 1);
        figures.put("machine", Machine.describe());
        out.println("Benchmarks on " + Machine.summary());
        long started = System.nanoTime();
        for (Section section : SECTIONS) {
            boolean selected = only.isEmpty() ? section.byDefault() : only.contains(section.key());
            if (!selected) {
                continue;
            }
            out.println();
            out.println("== " + section.title());
            long sectionStart = System.nanoTime();
            Map<String, Object> result = section.run(this, out);
            out.printf(Locale.ROOT, "   (%.1f s)%n", (System.nanoTime() - sectionStart) / 1e9);
            figures.put(section.key(), result);
        }
        figures.put("total_seconds", Stats.round((System.nanoTime() - started) / 1e9));
        out.println();
        out.println(new ObjectMapper().writeValueAsString(figures));
        return 0;
    }

    /** One part of the benchmark: prints its table and returns its figures for the JSON line. */
    interface Section {
        /** The JSON key and the {@code --section} name; never changes once published. */
        String key();

        String title();

        /** Whether it runs without {@code --section}. */
        default boolean byDefault() {
            return true;
        }

        Map<String, Object> run(Benchmarks options, PrintStream out) throws Exception;
    }
}
