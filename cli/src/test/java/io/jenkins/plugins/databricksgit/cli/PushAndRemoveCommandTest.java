package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksAuth;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.GitCredentialSpec;
import io.jenkins.plugins.databricksgit.core.PushRequest;
import io.jenkins.plugins.databricksgit.core.PushResult;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.Target;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.OAuthClient;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PushAndRemoveCommandTest extends EmulatorTest {
    @Test
    void pushCreatesThenUpdatesTheX_token_authCredential() {
        CliRunner.Result first = run("push", "--service-principal", sp(), "--name", "ci", "--git-email", "ci@acme");

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(0);
        assertThat(first.out()).startsWith("Created Git credential ");
        List<StoredGitCredential> stored = emulator.gitCredentials(servicePrincipal);
        assertThat(stored).singleElement().satisfies(c -> {
            assertThat(c.gitProvider()).isEqualTo("bitbucketCloud");
            assertThat(c.gitUsername()).isEqualTo("x-token-auth");
            assertThat(c.token()).isEqualTo(bitbucketToken);
            assertThat(c.name()).isEqualTo("ci");
            assertThat(c.gitEmail()).isEqualTo("ci@acme");
        });

        String newToken = emulator.addBitbucketRepositoryToken(BB_WORKSPACE, BB_REPOSITORY, Set.of("repository"));
        secrets.add(newToken);
        cli.env("BITBUCKET_TOKEN", newToken);
        CliRunner.Result second = run("push", "--service-principal", sp(), "--name", "ci");

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(0);
        assertThat(second.out())
                .startsWith("Updated Git credential " + stored.get(0).id());
        assertThat(emulator.gitCredentials(servicePrincipal)).singleElement().satisfies(c -> assertThat(c.token())
                .isEqualTo(newToken));
    }

    @Test
    void pushJson() throws Exception {
        CliRunner.Result result = run("push", "--service-principal", sp(), "--output", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        JsonNode json = json(result);
        assertThat(json.get("action").asText()).isEqualTo("created");
        assertThat(json.get("credentialId").asLong())
                .isEqualTo(emulator.gitCredentials(servicePrincipal).get(0).id());
        assertThat(json.get("gitUsername").asText()).isEqualTo("x-token-auth");
        assertThat(json.get("principal").get("applicationId").asText()).isEqualTo(sp());
    }

    @Test
    void aWorkspaceUrlPastedFromTheBrowserIsUsedAndWhatWasIgnoredIsSaid() {
        String host = emulator.url() + "/browse/folders/42?o=1234567890";

        CliRunner.Result result = run("push", "--service-principal", sp(), "--host", host);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        String url = emulator.url().replaceAll("/$", "");
        assertThat(result.err())
                .contains("warning: using " + url + " (ignored the path /browse/folders/42): a Databricks workspace"
                        + " URL is the address of the workspace only")
                .contains("warning: using " + url + " (ignored the query ?o=1234567890)");
        assertThat(emulator.gitCredentials(servicePrincipal)).hasSize(1);
    }

    @Test
    void pushAsTheServicePrincipalItselfWithOAuth() {
        OAuthClient client = emulator.issueOAuthSecret(servicePrincipal);
        secrets.add(client.clientSecret());
        cli.env.remove("DATABRICKS_TOKEN");
        cli.env("DATABRICKS_CLIENT_ID", client.clientId()).env("DATABRICKS_CLIENT_SECRET", client.clientSecret());

        CliRunner.Result result = run("push");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(emulator.gitCredentials(servicePrincipal)).hasSize(1);
    }

    @Test
    void revokedBitbucketTokenIsNotPushedAndExitsThree() {
        emulator.revokeBitbucketToken(bitbucketToken);

        CliRunner.Result result = run("push", "--service-principal", sp());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isZero();
        assertThat(emulator.gitCredentials(servicePrincipal)).isEmpty();
    }

    @Test
    void noVerifySkipsBitbucket() {
        emulator.revokeBitbucketToken(bitbucketToken);

        CliRunner.Result result = run("push", "--service-principal", sp(), "--no-verify");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(emulator.requestCount(Endpoint.BITBUCKET_REPOSITORY)).isZero();
    }

    @Test
    void withoutKnownRepositoryVerificationIsSkippedWithANoteOrRefusedWhenAskedFor() {
        cli.env.remove("BITBUCKET_WORKSPACE");
        cli.env.remove("BITBUCKET_REPO_SLUG");

        CliRunner.Result verifyAsked = run("push", "--service-principal", sp(), "--verify");
        assertThat(verifyAsked.exitCode()).isEqualTo(2);
        assertThat(verifyAsked.err()).contains("--bitbucket-workspace");

        CliRunner.Result result = run("push", "--service-principal", sp());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.err()).contains("Not checking the token with Bitbucket");
    }

    @Test
    void repositoryNotVisibleExitsFour() {
        CliRunner.Result result = run("push", "--service-principal", sp(), "--bitbucket-repository", "other");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(emulator.gitCredentials(servicePrincipal)).isEmpty();
    }

    @Test
    void unknownServicePrincipalExitsFour() {
        CliRunner.Result result = run("push", "--service-principal", "00000000-0000-0000-0000-000000000001");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).contains("error: ").contains("00000000-0000-0000-0000-000000000001");
    }

    @Test
    void notAManagerExitsThree() {
        EmulatedPrincipal stranger = emulator.addUser("stranger@example.com", "Stranger");
        String strangerPat = emulator.issuePat(stranger);
        secrets.add(strangerPat);
        cli.env("DATABRICKS_TOKEN", strangerPat);

        CliRunner.Result result = run("push", "--service-principal", sp());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(emulator.gitCredentials(servicePrincipal)).isEmpty();
    }

    @Test
    void invalidDatabricksTokenExitsThree() {
        emulator.revokePat(managerPat);

        CliRunner.Result result = run("push", "--service-principal", sp());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
    }

    @Test
    void otherProvidersCredentialInALegacyWorkspaceIsAConflict() throws Exception {
        emulator.setLegacyOneCredentialPerUser(true);
        client().createGitCredential(
                        new GitCredentialSpec("gitHub", "octocat", SecretValue.of("ghp_fake"), null, null),
                        servicePrincipal.id());

        CliRunner.Result result = run("push", "--service-principal", sp());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.err()).contains("gitHub");
        assertThat(emulator.gitCredentials(servicePrincipal)).singleElement().satisfies(c -> assertThat(c.gitProvider())
                .isEqualTo("gitHub"));
    }

    @Test
    void waitingForAHolderWithAnotherTokenTimesOutWithExitFive() throws Exception {
        GitCredentialEngine engine = new GitCredentialEngine();
        cli.engine = engine;
        PushResult held = engine.push(new PushRequest(
                new Target(client(), sp()),
                BitbucketToken.of(bitbucketToken, null, null),
                null,
                null,
                true,
                null,
                Duration.ZERO,
                "build #1",
                m -> {}));
        String otherToken = emulator.addBitbucketRepositoryToken(BB_WORKSPACE, BB_REPOSITORY, Set.of("repository"));
        secrets.add(otherToken);
        cli.env("BITBUCKET_TOKEN", otherToken);

        CliRunner.Result result = run("push", "--service-principal", sp(), "--wait-timeout", "300ms");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
        assertThat(result.err()).contains("Waiting for build #1").contains("error: Gave up after");
        assertThat(emulator.gitCredentials(servicePrincipal)).singleElement().satisfies(c -> assertThat(c.token())
                .isEqualTo(bitbucketToken));
        engine.release(held.lease(), client());
    }

    @Test
    void retriesAreReportedAsProgress() {
        emulator.inject(Endpoint.GIT_CREDENTIALS_LIST, Fault.rateLimited(1).times(1));

        CliRunner.Result result = run("push", "--service-principal", sp());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_LIST)).isGreaterThanOrEqualTo(2);
        assertThat(result.err()).containsPattern("GET /api/2.0/git-credentials answered 429; retrying in .*\\.\\.\\.");
    }

    @Test
    void removeTheBitbucketCredentialOfThePrincipalThenAgainIsANoOp() throws Exception {
        assertThat(run("push", "--service-principal", sp()).exitCode()).isEqualTo(0);
        long id = emulator.gitCredentials(servicePrincipal).get(0).id();

        CliRunner.Result removed = run("remove", "--service-principal", sp());
        assertThat(removed.exitCode()).as(removed.toString()).isEqualTo(0);
        assertThat(removed.out()).startsWith("Removed Git credential " + id);
        assertThat(emulator.gitCredentials(servicePrincipal)).isEmpty();

        CliRunner.Result again = run("remove", "--service-principal", sp(), "-o", "json");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(0);
        assertThat(json(again).get("outcome").asText()).isEqualTo("already_gone");
    }

    @Test
    void removeById() throws Exception {
        assertThat(run("push", "--service-principal", sp()).exitCode()).isEqualTo(0);
        long id = emulator.gitCredentials(servicePrincipal).get(0).id();

        CliRunner.Result result = run("remove", "--service-principal", sp(), "--id", Long.toString(id), "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        JsonNode json = json(result);
        assertThat(json.get("outcome").asText()).isEqualTo("removed");
        assertThat(json.get("credentialId").asLong()).isEqualTo(id);
        assertThat(emulator.gitCredentials(servicePrincipal)).isEmpty();
    }

    @Test
    void listShowsThePushedCredential() throws Exception {
        assertThat(run("push", "--service-principal", sp(), "--name", "ci-bitbucket")
                        .exitCode())
                .isEqualTo(0);

        CliRunner.Result text = run("list", "--service-principal", sp());
        assertThat(text.out()).contains("bitbucketCloud  x-token-auth").contains("ci-bitbucket");

        JsonNode json = json(run("list", "--service-principal", sp(), "-o", "json"));
        assertThat(json.get("credentials")).hasSize(1);
        assertThat(json.get("credentials").get(0).get("gitUsername").asText()).isEqualTo("x-token-auth");
        assertThat(json.get("credentials").get(0).get("name").asText()).isEqualTo("ci-bitbucket");
    }

    private DatabricksClient client() {
        return new DatabricksClient(
                WorkspaceUrl.parse(emulator.url()),
                DatabricksAuth.bearerToken(SecretValue.of(managerPat)),
                ClientSettings.defaults());
    }
}
