package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifyTokenCommandTest extends EmulatorTest {
    @Test
    void validTokenExitsZero() {
        CliRunner.Result result = run("verify-token");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out()).isEqualTo("Token valid: it can read acme/data" + System.lineSeparator());
        assertThat(result.err()).contains("Checking the token with Bitbucket (acme/data)");
        assertThat(emulator.requestCount(Endpoint.BITBUCKET_REPOSITORY)).isEqualTo(1);
    }

    @Test
    void revokedTokenExitsThree() {
        emulator.revokeBitbucketToken(bitbucketToken);

        CliRunner.Result result = run("verify-token");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err().lines().filter(l -> l.startsWith("error: "))).hasSize(1);
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void tokenWithoutReadScopeExitsThree() {
        String token = emulator.addBitbucketRepositoryToken(BB_WORKSPACE, BB_REPOSITORY, Set.of("pullrequest"));
        secrets.add(token);
        cli.env("BITBUCKET_TOKEN", token);

        CliRunner.Result result = run("verify-token");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
    }

    @Test
    void repositoryNotVisibleExitsFour() {
        CliRunner.Result result = run("verify-token", "--bitbucket-repository", "someone-elses");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).contains("error: ");
    }

    @Test
    void unreachableBitbucketExitsOne() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRunner.Result result = run("verify-token", "--bitbucket-api-url", "http://127.0.0.1:" + closedPort);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    }

    @Test
    void jsonReportsTheStatusEvenWhenInvalid() throws Exception {
        CliRunner.Result ok = run("verify-token", "--output", "json");
        assertThat(ok.exitCode()).isEqualTo(0);
        JsonNode valid = json(ok);
        assertThat(valid.get("status").asText()).isEqualTo("VALID");
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("repository").asText()).isEqualTo("data");

        CliRunner.Result notVisible = run("verify-token", "-o", "json", "--bitbucket-workspace", "other");
        assertThat(notVisible.exitCode()).isEqualTo(4);
        assertThat(json(notVisible).get("status").asText()).isEqualTo("REPOSITORY_NOT_VISIBLE");
    }

    @Test
    void tokenFromFileHasOneTrailingNewlineStripped() throws Exception {
        Path file = home.resolve("token");
        Files.writeString(file, bitbucketToken + "\n", StandardCharsets.UTF_8);
        cli.env.remove("BITBUCKET_TOKEN");

        CliRunner.Result result = run("verify-token", "--token-file", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    }

    @Test
    void tokenFromFileWithTwoNewlinesIsRejectedWithoutShowingIt() throws Exception {
        Path file = home.resolve("token");
        Files.writeString(file, bitbucketToken + "\n\n", StandardCharsets.UTF_8);
        cli.env.remove("BITBUCKET_TOKEN");

        CliRunner.Result result = run("verify-token", "--token-file", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("whitespace");
        assertThat(emulator.requestCount(Endpoint.BITBUCKET_REPOSITORY)).isZero();
    }

    @Test
    void tokenFromStdinHasOneTrailingNewlineStripped() {
        cli.env.remove("BITBUCKET_TOKEN");
        cli.stdin = bitbucketToken + "\n";

        CliRunner.Result result = run("verify-token", "--token-stdin");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    }

    @Test
    void onATerminalTheTokenIsAskedForWithoutEcho() {
        cli.env.remove("BITBUCKET_TOKEN");
        List<String> prompts = new ArrayList<>();
        cli.terminal = prompt -> {
            prompts.add(prompt);
            return bitbucketToken.toCharArray();
        };

        CliRunner.Result result = run("verify-token", "--token-stdin");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(prompts).containsExactly("Bitbucket token (not shown): ");
    }

    @Test
    void fileWinsOverEnvironment() throws Exception {
        Path file = home.resolve("token");
        Files.writeString(file, bitbucketToken, StandardCharsets.UTF_8);
        cli.env("BITBUCKET_TOKEN", "ATCTnot-the-right-one");

        assertThat(run("verify-token", "--token-file", file.toString()).exitCode())
                .isEqualTo(0);
        assertThat(run("verify-token").exitCode()).isEqualTo(3);
    }

    @Test
    void missingTokenFileIsAUsageError() {
        CliRunner.Result result =
                run("verify-token", "--token-file", home.resolve("nope").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("does not exist");
    }

    @Test
    void appPasswordShapedTokenGetsAWarning() {
        String token = emulator.registerBitbucketRepositoryToken(
                BB_WORKSPACE, BB_REPOSITORY, Set.of("repository"), "ATBBlooks-like-an-app-password");
        cli.env("BITBUCKET_TOKEN", token);

        CliRunner.Result result = run("verify-token");

        assertThat(result.err()).contains("warning: ").contains("ATCT");
    }
}
