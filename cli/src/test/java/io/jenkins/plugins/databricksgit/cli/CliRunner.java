package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the tool in-process with an environment, home directory and stdin of the test's choosing. */
final class CliRunner {
    final Map<String, String> env = new HashMap<>();
    final Path home;
    final List<Runnable> shutdownHooks = new ArrayList<>();
    String stdin = "";
    /** Set to act as an interactive terminal for {@code --token-stdin}. */
    CliEnvironment.Terminal terminal;
    /** Shared by every run of this runner, as it is by the subcommands of one process. */
    GitCredentialEngine engine;

    CliRunner(Path home) {
        this.home = home;
    }

    CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliEnvironment environment() {
        CliEnvironment.ShutdownHooks hooks = hook -> {
            synchronized (shutdownHooks) {
                shutdownHooks.add(hook);
            }
            return () -> {
                synchronized (shutdownHooks) {
                    shutdownHooks.remove(hook);
                }
            };
        };
        return new CliEnvironment(
                env, home, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), hooks, terminal);
    }

    Result run(String... args) {
        CommandLine commandLine = DatabricksGitCredentialCommand.commandLine(environment(), engine);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
