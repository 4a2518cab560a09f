package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.PushRequest;
import io.jenkins.plugins.databricksgit.core.PushResult;
import io.jenkins.plugins.databricksgit.core.RemoveResult;
import io.jenkins.plugins.databricksgit.core.Target;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Push, run a command, remove. The removal happens whatever the command's result, and also when this process is
 * asked to stop (SIGINT, SIGTERM) through a shutdown hook; only SIGKILL can leave the credential behind, which the
 * next {@code remove} cleans up. Everything this command says goes to standard error: standard output is the
 * command's.
 */
@Command(
        name = "run",
        description = "Push the token, run a command, then remove the credential whatever the command's result. "
                + "Exits with the command's exit code.")
final class RunCommand extends AbstractCommand {
    /** How long a stopped command may take to exit before it is killed. */
    private static final long STOP_GRACE_SECONDS = 10;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    TokenOptions token;

    @Mixin
    PushOptions push;

    @Parameters(arity = "1..*", paramLabel = "<command>", description = "The command and its arguments (after --).")
    List<String> command;

    @Override
    int execute() throws Exception {
        Output output = output();
        Output status =
                new Output(spec.commandLine().getErr(), spec.commandLine().getErr(), false);
        CliEnvironment env = environment();
        push.check();
        ConnectionOptions.Connection resolved = connection.resolve(env, output);
        BitbucketToken bitbucketToken = token.token(env, output);
        push.verifyIfWanted(bitbucketToken, token, connection, env, output);
        DatabricksClient client = resolved.client();
        Target target = new Target(client, connection.servicePrincipal);
        GitCredentialEngine engine = root.engine();
        PushResult pushed = engine.push(new PushRequest(
                target,
                bitbucketToken,
                push.name,
                push.gitEmail,
                true,
                null,
                push.waitTimeout(),
                holder(),
                output::progress));
        output.progress(PushCommand.text(pushed).stripTrailing());

        Cleanup cleanup = new Cleanup(engine, target, client, pushed, status);
        CliEnvironment.ShutdownHooks.Registration hook = env.shutdownHooks().register(cleanup::onShutdown);
        int exitCode;
        try {
            exitCode = runCommand(cleanup, pushed, output);
        } finally {
            hook.unregister();
        }
        Exception removalFailure = cleanup.run();
        if (removalFailure != null) {
            spec.commandLine()
                    .getErr()
                    .println("error: the Git credential " + pushed.credentialId() + " was not removed: "
                            + describe(removalFailure));
            spec.commandLine().getErr().flush();
            if (exitCode != 0) {
                return exitCode;
            }
            return removalFailure instanceof DatabricksException d ? ExitCodes.of(d) : ExitCodes.FAILURE;
        }
        return exitCode;
    }

    private int runCommand(Cleanup cleanup, PushResult pushed, Output output) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("DATABRICKS_GIT_CREDENTIAL_ID", Long.toString(pushed.credentialId()));
        Process process;
        // Started under the cleanup's lock: a stop request either sees the process or keeps it from starting.
        synchronized (cleanup) {
            if (cleanup.stopping) {
                return ExitCodes.STOPPED;
            }
            try {
                process = builder.start();
            } catch (IOException e) {
                output.progress("error: cannot start " + command.get(0) + ": " + e.getMessage());
                return ExitCodes.COMMAND_NOT_STARTED;
            }
            cleanup.process = process;
        }
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        }
    }

    private static String describe(Exception e) {
        return e instanceof DatabricksException d
                ? DatabricksGitCredentialCommand.describe(d)
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The removal, done exactly once: by the normal path or by the shutdown hook, whichever comes first. */
    private static final class Cleanup {
        private final GitCredentialEngine engine;
        private final Target target;
        private final DatabricksClient client;
        private final PushResult pushed;
        private final Output status;
        /** Guarded by {@code this}. */
        Process process;
        /** Guarded by {@code this}. */
        boolean stopping;

        private boolean done;
        private Exception failure;

        Cleanup(GitCredentialEngine engine, Target target, DatabricksClient client, PushResult pushed, Output status) {
            this.engine = engine;
            this.target = target;
            this.client = client;
            this.pushed = pushed;
            this.status = status;
        }

        void onShutdown() {
            Process running;
            synchronized (this) {
                stopping = true;
                running = process;
            }
            if (running != null) {
                stop(running);
            }
            Exception e = run();
            if (e != null) {
                status.progress(
                        "error: the Git credential " + pushed.credentialId() + " was not removed: " + describe(e));
            }
        }

        synchronized Exception run() {
            if (done) {
                return failure;
            }
            done = true;
            try {
                RemoveResult result = pushed.lease() != null
                        ? engine.release(pushed.lease(), client)
                        : engine.remove(target, pushed.credentialId());
                switch (result.outcome()) {
                    case REMOVED -> status.progress("Removed Git credential " + result.credentialId());
                    case ALREADY_GONE ->
                        status.progress("Git credential " + result.credentialId() + " was already gone");
                    case KEPT ->
                        status.progress(
                                "Kept Git credential " + result.credentialId() + ": another holder still uses it");
                }
            } catch (DatabricksException | RuntimeException e) {
                failure = e;
            }
            return failure;
        }
    }
}
