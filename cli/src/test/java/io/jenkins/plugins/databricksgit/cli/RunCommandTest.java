package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.OAuthClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunCommandTest extends EmulatorTest {
    @Test
    void passesTheExitCodeThroughAndRemovesTheCredentialOnFailure() {
        CliRunner.Result result = run("run", "--service-principal", sp(), "--", "sh", "-c", "exit 7");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
        assertThat(result.err()).contains("Created Git credential").contains("Removed Git credential");
        assertThat(emulator.gitCredentials(servicePrincipal)).isEmpty();
    }

    @Test
    void credentialExistsWhileTheCommandRunsAndIsRemovedAfterSuccess() throws Exception {
        Path seen = home.resolve("seen");
        CliRunner.Result result = run(
                "run",
                "--service-principal",
                sp(),
                "--",
                "sh",
                "-c",
                "echo \"$DATABRICKS_GIT_CREDENTIAL_ID\" > '" + seen + "'");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out()).as("standard output belongs to the command").isEmpty();
        assertThat(Files.readString(seen).strip()).matches("\\d+");
        assertThat(emulator.gitCredentials(servicePrincipal)).isEmpty();
        assertThat(cli.shutdownHooks).as("hook unregistered").isEmpty();
    }

    @Test
    void asTheServicePrincipalWithOAuthThePushIsOneCreateNamedWithItsTag() throws Exception {
        OAuthClient client = emulator.issueOAuthSecret(servicePrincipal);
        secrets.add(client.clientSecret());
        cli.env.remove("DATABRICKS_TOKEN");
        cli.env("DATABRICKS_CLIENT_ID", client.clientId()).env("DATABRICKS_CLIENT_SECRET", client.clientSecret());
        Path seen = home.resolve("seen");

        CliRunner.Result result =
                run("run", "--no-verify", "--", "sh", "-c", "echo \"$DATABRICKS_GIT_CREDENTIAL_ID\" > '" + seen + "'");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        // Whose credential it is needs no look-up (the client id is the applicationId), and the create comes first.
        assertThat(emulator.requestCount(Endpoint.SCIM_ME)).isZero();
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_LIST)).isZero();
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(1);
        assertThat(result.err()).contains("Created Git credential").contains(servicePrincipal.applicationId());
        assertThat(emulator.gitCredentials(servicePrincipal)).isEmpty();
    }

    @Test
    void theCredentialIsNamedWithTheRunsOwnershipTagWhenNoNameIsGiven() {
        // The removal fails, so that the credential stays to be looked at.
        emulator.inject(Endpoint.GIT_CREDENTIALS_DELETE, Fault.status(500));

        CliRunner.Result result = run("run", "--service-principal", sp(), "--", "true");

        assertThat(result.err()).contains("Created Git credential");
        assertThat(emulator.gitCredentials(servicePrincipal)).singleElement().satisfies(c -> assertThat(c.name())
                .matches("jenkins-dgc:[0-9a-f-]{36}"));
    }

    @Test
    void commandThatCannotStartExits127AndStillRemoves() {
        CliRunner.Result result = run("run", "--service-principal", sp(), "--", "/nonexistent/command");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(127);
        assertThat(result.err()).contains("cannot start /nonexistent/command");
        assertThat(emulator.gitCredentials(servicePrincipal)).isEmpty();
    }

    @Test
    void failedPushRunsNothing() throws Exception {
        emulator.revokeBitbucketToken(bitbucketToken);
        Path marker = home.resolve("ran");

        CliRunner.Result result = run("run", "--service-principal", sp(), "--", "sh", "-c", "touch '" + marker + "'");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(marker).doesNotExist();
    }

    @Test
    void shutdownHookStopsTheCommandAndRemovesTheCredential() throws Exception {
        CompletableFuture<CliRunner.Result> running =
                CompletableFuture.supplyAsync(() -> run("run", "--service-principal", sp(), "--", "sleep", "60"));
        Runnable hook = awaitHook();
        assertThat(emulator.gitCredentials(servicePrincipal)).hasSize(1);

        hook.run(); // what the JVM does on SIGINT/SIGTERM

        assertThat(emulator.gitCredentials(servicePrincipal)).isEmpty();
        CliRunner.Result result = running.get(60, TimeUnit.SECONDS);
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).containsOnlyOnce("Removed Git credential");
    }

    @Test
    void removalFailureAfterASuccessfulCommandIsAnError() {
        // Revoke the manager's token while the command runs: the push worked, the removal cannot.
        CliRunner.Result failing = runRevokingDuringCommand();
        assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(3);
        assertThat(failing.err()).contains("was not removed");
        assertThat(emulator.gitCredentials(servicePrincipal)).hasSize(1);
    }

    private CliRunner.Result runRevokingDuringCommand() {
        Path revoked = home.resolve("revoked");
        // The command ends only once the token is revoked, however slow the machine.
        CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(() -> run(
                "run",
                "--service-principal",
                sp(),
                "--",
                "sh",
                "-c",
                "while [ ! -f '" + revoked + "' ]; do sleep 0.05; done"));
        awaitHook();
        emulator.revokePat(managerPat);
        try {
            Files.createFile(revoked);
            return running.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Runnable awaitHook() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            synchronized (cli.shutdownHooks) {
                if (!cli.shutdownHooks.isEmpty()) {
                    return cli.shutdownHooks.get(0);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("run never registered its shutdown hook");
    }
}
