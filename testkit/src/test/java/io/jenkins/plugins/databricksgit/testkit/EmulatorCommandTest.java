package io.jenkins.plugins.databricksgit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EmulatorCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine() {
        CommandLine cmd = EmulatorCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd;
    }

    private DatabricksEmulator start(String... args) throws IOException {
        CommandLine cmd = commandLine();
        cmd.parseArgs(args);
        return ((EmulatorCommand) cmd.getCommand()).startConfigured();
    }

    private String printed(String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+(\\S+)").matcher(out.toString());
        assertThat(m.find()).as("printed " + label).isTrue();
        return m.group(1);
    }

    @Test
    void helpExplainsTheFlags() {
        assertThat(commandLine().execute("--help")).isZero();
        assertThat(out.toString())
                .contains("--port", "--https", "--config", "--service-principal", "--user", "--bitbucket-token")
                .contains("--oauth-token-lifetime");
    }

    @Test
    void flagsCreatePrincipalsWhosePrintedCredentialsWork() throws IOException {
        try (DatabricksEmulator emulator = start(
                "--port",
                "0",
                "--service-principal",
                "ci-deployer",
                "--user",
                "alice@example.com",
                "--bitbucket-token",
                "acme/data",
                "--oauth-token-lifetime",
                "120")) {
            Http http = new Http(emulator);
            assertThat(out.toString()).contains(emulator.url());
            String spPat = printed("PAT:");
            Http.Answer me = http.get("/api/2.0/preview/scim/v2/Me", spPat);
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("displayName").asText()).isEqualTo("ci-deployer");

            EmulatedPrincipal sp = emulator.principals().get(0);
            EmulatedPrincipal alice = emulator.principals().get(1);
            String alicePat = emulator.issuePat(alice);
            assertThat(http.get("/api/2.0/git-credentials?principal_id=" + sp.id(), alicePat)
                            .status())
                    .isEqualTo(200);

            okhttp3.FormBody form = new okhttp3.FormBody.Builder()
                    .add("grant_type", "client_credentials")
                    .add("scope", "all-apis")
                    .build();
            Http.Answer token = http.form(
                    "/oidc/v1/token",
                    okhttp3.Credentials.basic(printed("OAuth client id:"), printed("OAuth secret:")),
                    form);
            assertThat(token.status()).isEqualTo(200);
            assertThat(token.json().get("expires_in").asInt()).isEqualTo(120);

            Matcher bb =
                    Pattern.compile("for acme/data \\(repository\\): (\\S+)").matcher(out.toString());
            assertThat(bb.find()).isTrue();
            assertThat(http.get("/bitbucket/2.0/repositories/acme/data", bb.group(1))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void configFileSetsFixedIdsTokensAndManagers(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("principals.json");
        Files.writeString(
                config,
                """
                {
                  "legacyOneCredentialPerUser": true,
                  "servicePrincipals": [
                    {"displayName": "ci-deployer", "id": 8573549053511,
                     "applicationId": "6e5f4a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
                     "pats": ["dapi-fixed-sp"], "oauthSecrets": ["dose-fixed"]}
                  ],
                  "users": [
                    {"userName": "alice@example.com", "pats": ["dapi-fixed-alice"], "manages": ["ci-deployer"]}
                  ],
                  "bitbucketTokens": [
                    {"workspace": "acme", "repository": "data", "scopes": ["pullrequest"], "token": "ATCTT3xFfGN0fixed"}
                  ]
                }
                """);
        Path pem = dir.resolve("emulator.pem");

        try (DatabricksEmulator emulator =
                start("--port", "0", "--https", "--certificate-out", pem.toString(), "--config", config.toString())) {
            Http http = new Http(emulator);
            assertThat(Files.readString(pem)).isEqualTo(emulator.certificatePem());
            assertThat(http.get("/api/2.0/preview/scim/v2/Me", "dapi-fixed-sp")
                            .json()
                            .get("id")
                            .asText())
                    .isEqualTo("8573549053511");
            String create =
                    "{\"git_provider\":\"gitHub\",\"personal_access_token\":\"x\",\"principal_id\":8573549053511}";
            assertThat(http.post("/api/2.0/git-credentials", "dapi-fixed-alice", create)
                            .status())
                    .isEqualTo(200);
            Http.Answer legacy =
                    http.post("/api/2.0/git-credentials", "dapi-fixed-alice", create.replace("gitHub", "gitLab"));
            assertThat(legacy.status()).isEqualTo(400);
            assertThat(legacy.json().get("error_code").asText()).isEqualTo("INVALID_STATE");
            assertThat(http.get("/bitbucket/2.0/repositories/acme/data", "ATCTT3xFfGN0fixed")
                            .status())
                    .isEqualTo(403);
            assertThat(out.toString()).contains("dose-fixed").contains("manages:");
        }
    }

    @Test
    void badInputIsAUsageErrorNotAStackTrace(@TempDir Path dir) throws IOException {
        assertThat(commandLine().execute("--port", "0", "--bitbucket-token", "no-slash"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("WORKSPACE/REPO").doesNotContain("\tat ");

        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"users\": [{\"userName\": \"a\", \"manages\": [\"ghost\"]}]}");
        assertThat(commandLine().execute("--port", "0", "--config", config.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("ghost");
    }

    /** Each start-up failure: exit 2, one line on stderr, nothing on stdout. */
    @Test
    void everyStartUpFailureIsOneLineAndExitTwoBeforeAnythingIsPrinted(@TempDir Path dir) throws IOException {
        Path malformed = dir.resolve("malformed.json");
        Files.writeString(malformed, "{\"users\": [");
        Path unknownKey = dir.resolve("unknown-key.json");
        Files.writeString(unknownKey, "{\"servicePrincipal\": []}");
        Path badLifetime = dir.resolve("lifetime.json");
        Files.writeString(badLifetime, "{\"oauthTokenLifetimeSeconds\": 0}");
        Path duplicate = dir.resolve("duplicate.json");
        Files.writeString(
                duplicate,
                "{\"servicePrincipals\": [{\"displayName\": \"a\", \"id\": 1234567890123},"
                        + " {\"displayName\": \"b\", \"id\": 1234567890123}]}");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String busy = Integer.toString(taken.getLocalPort());
            String[][] cases = {
                {"--frobnicate"},
                {"--port", "abc"},
                {"--port", "70000"},
                {"--port", busy},
                {"--port", "0", "--bind", "no-such-host.invalid"},
                {"--port", "0", "--certificate-out", dir.resolve("c.pem").toString()},
                {"--port", "0", "--oauth-token-lifetime", "0"},
                {"--port", "0", "--config", dir.resolve("missing.json").toString()},
                {"--port", "0", "--config", malformed.toString()},
                {"--port", "0", "--config", unknownKey.toString()},
                {"--port", "0", "--config", badLifetime.toString()},
                {"--port", "0", "--config", duplicate.toString()},
            };
            for (String[] args : cases) {
                StringWriter caseOut = new StringWriter();
                StringWriter caseErr = new StringWriter();
                CommandLine cmd = EmulatorCommand.commandLine();
                cmd.setOut(new PrintWriter(caseOut, true));
                cmd.setErr(new PrintWriter(caseErr, true));
                String what = String.join(" ", args);
                assertThat(cmd.execute(args)).as(what).isEqualTo(2);
                assertThat(caseOut.toString()).as("stdout of " + what).isEmpty();
                assertThat(caseErr.toString().lines()).as("stderr of " + what).hasSize(1);
                assertThat(caseErr.toString()).as(what).startsWith("databricks-emulator: ");
            }
        }
    }

    @Test
    void aPortInUseNamesThePortAndTheWayOut() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(commandLine().execute("--port", Integer.toString(taken.getLocalPort())))
                    .isEqualTo(2);
            assertThat(err.toString()).contains("port " + taken.getLocalPort()).contains("--port 0");
            assertThat(out.toString()).isEmpty();
        }
    }
}
