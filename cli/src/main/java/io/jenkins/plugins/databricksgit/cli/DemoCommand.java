package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The whole cycle a user runs, against the embedded emulator on a free loopback port: nothing leaves the machine
 * and no account is needed. Each step is the real command, run in-process with the environment shown, and its
 * output is printed as the user would see it, with every secret masked.
 */
@Command(
        name = "demo",
        description = "Start the embedded Databricks and Bitbucket emulator on a free loopback port and run the "
                + "whole cycle against it: verify-token, push (create), push (update), list, remove, list.")
final class DemoCommand extends AbstractCommand {
    private static final String PROGRAM = "databricks-git-credential";
    private static final String BITBUCKET_WORKSPACE = "acme";
    private static final String BITBUCKET_REPOSITORY = "data-pipelines";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The steps' results, for {@code --output json}. */
    private final List<Map<String, Object>> results = new ArrayList<>();

    @Override
    int execute() throws Exception {
        boolean json = output().json();
        // With --output json the narrative is left out and one document sums up every step.
        PrintWriter out = json
                ? new PrintWriter(java.io.Writer.nullWriter())
                : spec.commandLine().getOut();
        results.clear();
        Path home = Files.createTempDirectory("databricks-git-credential-demo");
        try (DatabricksEmulator emulator = DatabricksEmulator.start()) {
            EmulatedPrincipal servicePrincipal = emulator.addServicePrincipal("deploy-bot");
            EmulatedPrincipal manager = emulator.addUser("ci-manager@example.com", "CI Manager");
            emulator.grantManager(manager, servicePrincipal);
            String databricksToken = emulator.issuePat(manager);
            String bitbucketToken = emulator.addBitbucketRepositoryToken(
                    BITBUCKET_WORKSPACE, BITBUCKET_REPOSITORY, Set.of("repository"));
            Masker masker = new Masker(List.of(databricksToken, bitbucketToken));

            out.println("Started the Databricks emulator at " + emulator.url() + " (a stand-in for your workspace).");
            out.println("In it: service principal " + servicePrincipal.displayName() + " (applicationId "
                    + servicePrincipal.applicationId() + "),");
            out.println("       user " + manager.userName() + ", its Service Principal Manager, with a personal "
                    + "access token,");
            out.println("       and a Bitbucket repository access token for " + BITBUCKET_WORKSPACE + "/"
                    + BITBUCKET_REPOSITORY + " (Repositories: Read).");
            out.println();

            Map<String, String> env = new LinkedHashMap<>();
            env.put("DATABRICKS_HOST", emulator.url());
            env.put("DATABRICKS_TOKEN", databricksToken);
            env.put("BITBUCKET_TOKEN", bitbucketToken);
            env.put("BITBUCKET_API_URL", emulator.bitbucketApiUrl());
            for (Map.Entry<String, String> e : env.entrySet()) {
                out.println("$ export " + e.getKey() + "=" + masker.mask(e.getValue()));
            }
            out.println("# (BITBUCKET_API_URL only points at the emulator; leave it unset for bitbucket.org)");
            out.println();
            CliEnvironment demoEnvironment = new CliEnvironment(
                    env, home, environment().stdin(), environment().shutdownHooks());

            String sp = servicePrincipal.applicationId();
            List<String> repo = List.of(
                    "--bitbucket-workspace", BITBUCKET_WORKSPACE, "--bitbucket-repository", BITBUCKET_REPOSITORY);
            List<List<String>> steps = new ArrayList<>();
            steps.add(concat(List.of("verify-token"), repo));
            steps.add(concat(List.of("push", "--service-principal", sp, "--name", "ci-bitbucket"), repo));
            steps.add(concat(List.of("push", "--service-principal", sp, "--name", "ci-bitbucket"), repo));
            steps.add(List.of("list", "--service-principal", sp));
            steps.add(List.of("remove", "--service-principal", sp));
            steps.add(List.of("list", "--service-principal", sp));

            for (int i = 0; i < steps.size(); i++) {
                List<String> args = steps.get(i);
                int exitCode = step(demoEnvironment, args, masker, out);
                if (exitCode != ExitCodes.OK) {
                    throw new CliException(
                            ExitCodes.FAILURE,
                            "demo step '" + PROGRAM + " " + String.join(" ", args) + "' exited " + exitCode);
                }
                if (i == 1) {
                    List<StoredGitCredential> stored = emulator.gitCredentials(servicePrincipal);
                    for (StoredGitCredential c : stored) {
                        out.println("# Databricks now holds for " + servicePrincipal.displayName() + ": credential "
                                + c.id() + ", provider " + c.gitProvider() + ", username " + c.gitUsername()
                                + ", token " + masker.mask(c.token()));
                    }
                    out.println();
                }
            }
            if (json) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("workspace", emulator.url());
                document.put("servicePrincipal", servicePrincipal.applicationId());
                document.put("steps", results);
                document.put("ok", true);
                output().result("", document);
                return ExitCodes.OK;
            }
            out.println("Done: the token was checked, pushed (created, then updated in place), listed and removed.");
            out.println("Against a real workspace, set DATABRICKS_HOST and DATABRICKS_TOKEN (or DATABRICKS_CLIENT_ID");
            out.println(
                    "and DATABRICKS_CLIENT_SECRET) and BITBUCKET_TOKEN, and run the same commands. See docs/cli.md.");
            out.flush();
            return ExitCodes.OK;
        } finally {
            Files.deleteIfExists(home);
        }
    }

    private int step(CliEnvironment environment, List<String> args, Masker masker, PrintWriter out) {
        out.println("$ " + PROGRAM + " " + String.join(" ", args));
        out.flush();
        CommandLine commandLine = DatabricksGitCredentialCommand.commandLine(environment);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        boolean json = output().json();
        List<String> run = new ArrayList<>(args);
        if (json) {
            run.addAll(List.of("--output", "json"));
        }
        int exitCode = commandLine.execute(run.toArray(String[]::new));
        if (json) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("command", PROGRAM + " " + String.join(" ", args));
            step.put("exitCode", exitCode);
            try {
                step.put("result", JSON.readTree(masker.mask(stdout.toString())));
            } catch (java.io.IOException e) {
                step.put("result", masker.mask(stdout.toString()));
            }
            results.add(step);
        }
        out.print(masker.mask(stderr.toString()));
        out.print(masker.mask(stdout.toString()));
        out.println();
        out.flush();
        return exitCode;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Replaces each secret by its first four characters and {@code ****}. */
    record Masker(List<String> secrets) {
        String mask(String text) {
            String masked = text;
            for (String secret : secrets) {
                masked = masked.replace(secret, secret.substring(0, Math.min(4, secret.length())) + "****");
            }
            return masked;
        }
    }
}
