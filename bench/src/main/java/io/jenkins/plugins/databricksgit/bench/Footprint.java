package io.jenkins.plugins.databricksgit.bench;

import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sizes of what users install, and the wall time of one CLI {@code push} against the emulator, JVM start included:
 * as {@code java -jar}, and through the launcher script, which uses the class-data sharing archive the build writes
 * next to the jar.
 */
final class Footprint implements Benchmarks.Section {
    static final String HPI = "plugin/target/databricks-git-credential.hpi";
    static final String CLI_JAR = "cli/target/databricks-git-credential-cli.jar";
    static final String CLI_CDS = "cli/target/databricks-git-credential-cli.jsa";
    static final String CLI_LAUNCHER = "cli/target/databricks-git-credential";

    @Override
    public String key() {
        return "footprint";
    }

    @Override
    public String title() {
        return "Footprint: artifact sizes and one CLI push, JVM start included";
    }

    @Override
    public Map<String, Object> run(Benchmarks options, PrintStream out) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        Path root = options.root.toAbsolutePath().normalize();
        Long hpi = size(root.resolve(HPI));
        Long jar = size(root.resolve(CLI_JAR));
        Long cds = size(root.resolve(CLI_CDS));
        result.put("hpi_bytes", hpi);
        result.put("cli_jar_bytes", jar);
        result.put("cli_cds_archive_bytes", cds);
        out.printf(Locale.ROOT, "  %-44s %s%n", HPI, kb(hpi));
        out.printf(Locale.ROOT, "  %-44s %s%n", CLI_JAR, kb(jar));
        out.printf(Locale.ROOT, "  %-44s %s%n", CLI_CDS, kb(cds));
        if (jar == null) {
            out.println("  (no CLI jar: build it with ./mvnw -B package first; no CLI timings)");
            result.put("cli_push_ms", null);
            result.put("cli_push_cds_ms", null);
            return result;
        }
        try (DatabricksEmulator emulator = DatabricksEmulator.start()) {
            EmulatedPrincipal sp = emulator.addServicePrincipal("footprint-bot");
            String pat = emulator.issuePat(sp);
            Path home = Files.createTempDirectory("bench-cli-home");
            List<String> plain = List.of("-jar", root.resolve(CLI_JAR).toString());
            Stats plainStats = time(options, emulator, pat, home, plain);
            result.put("cli_push_ms", plainStats.p50());
            out.printf(
                    Locale.ROOT,
                    "  %-44s p50 %7.0f ms  (%d runs)%n",
                    "java -jar ... push",
                    plainStats.p50(),
                    plainStats.n());
            Path launcher = root.resolve(CLI_LAUNCHER);
            if (cds != null && Files.isExecutable(launcher)) {
                Stats launched = time(options, emulator, pat, home, List.of(launcher.toString()));
                result.put("cli_push_cds_ms", launched.p50());
                out.printf(
                        Locale.ROOT,
                        "  %-44s p50 %7.0f ms  (%d runs)%n",
                        CLI_LAUNCHER + " push (CDS archive)",
                        launched.p50(),
                        launched.n());
            } else {
                result.put("cli_push_cds_ms", null);
            }
        }
        return result;
    }

    private static Stats time(
            Benchmarks options, DatabricksEmulator emulator, String pat, Path home, List<String> jvmArgs)
            throws IOException, InterruptedException {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i <= options.cliRuns; i++) {
            List<String> command = new ArrayList<>();
            if (jvmArgs.get(0).startsWith("-")) {
                command.add(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
            }
            command.addAll(jvmArgs);
            command.addAll(List.of("push", "--no-verify"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.redirectOutput(File.createTempFile("bench-cli", ".out"));
            Map<String, String> env = builder.environment();
            env.keySet()
                    .removeIf(k -> k.startsWith("DATABRICKS_")
                            || k.startsWith("BITBUCKET_")
                            || k.contains("PROXY")
                            || k.contains("proxy")
                            || k.equals("JAVA_TOOL_OPTIONS")
                            || k.equals("JDK_JAVA_OPTIONS"));
            env.put("HOME", home.toString());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("DATABRICKS_HOST", emulator.url());
            env.put("DATABRICKS_TOKEN", pat);
            env.put("BITBUCKET_TOKEN", "ATCTT3xFfGN0benchFootprint");
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the CLI did not finish in 60 s");
            }
            long elapsed = System.nanoTime() - start;
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the CLI push exited " + process.exitValue() + ": "
                        + Files.readString(
                                Path.of(builder.redirectOutput().file().getPath())));
            }
            if (i > 0) {
                nanos.add(elapsed);
            }
        }
        return Stats.ofNanos(nanos);
    }

    private static Long size(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.size(file) : null;
    }

    private static String kb(Long bytes) {
        return bytes == null ? "(not built)" : String.format(Locale.ROOT, "%,d KB", Math.round(bytes / 1024.0));
    }
}
