package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user meets first: one JSON document per command, errors that name the tool's own options, help. */
class CommandSurfaceTest extends EmulatorTest {
    /** Every JSON value on standard output; exactly one is a document. */
    static List<JsonNode> documents(String out) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new ObjectMapper()
                .readerFor(JsonNode.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.AUTO_CLOSE_SOURCE)
                .readValues(out)) {
            while (it.hasNext()) {
                all.add(it.next());
            }
        }
        return all;
    }

    @Test
    void everyCommandPrintsOneJsonDocumentWithOutputJson() throws Exception {
        String[][] commands = {
            {"verify-token", "-o", "json"},
            {"whoami", "--sp", sp(), "-o", "json"},
            {"push", "--sp", sp(), "-o", "json"},
            {"list", "--sp", sp(), "-o", "json"},
            {"remove", "--sp", sp(), "-o", "json"},
            {"demo", "-o", "json"},
        };
        for (String[] args : commands) {
            CliRunner.Result result = run(args);
            String what = String.join(" ", args);
            assertThat(result.exitCode()).as("%s: %s", what, result).isZero();
            List<JsonNode> docs = documents(result.out());
            assertThat(docs).as("JSON documents printed by %s", what).hasSize(1);
            assertThat(docs.get(0).isObject()).as(what).isTrue();
        }
    }

    @Test
    void demoInJsonSumsUpEveryStepWithTokensMasked() throws Exception {
        CliRunner.Result result = run("demo", "-o", "json");

        JsonNode doc = json(result);
        assertThat(doc.get("ok").asBoolean()).isTrue();
        assertThat(doc.get("steps")).hasSize(6);
        assertThat(doc.get("steps").get(1).get("result").get("action").asText()).isEqualTo("created");
        assertThat(result.out()).doesNotContainPattern("dapi[0-9a-f]{8}").doesNotContainPattern("ATCT[A-Za-z0-9]{8}");
    }

    @Test
    void anUntrustedCertificateNamesCaCertAsTheFirstFix() {
        try (DatabricksEmulator https = DatabricksEmulator.startHttps()) {
            EmulatedPrincipal sp = https.addServicePrincipal("tls-bot");
            String pat = https.issuePat(sp);
            secrets.add(pat);
            cli.env("DATABRICKS_HOST", https.url()).env("DATABRICKS_TOKEN", pat);

            CliRunner.Result result = run("list");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err())
                    .startsWith("error: The server's certificate is not trusted: give the CA certificate of the"
                            + " TLS-inspecting proxy or internal CA with --ca-cert <pem-file>.");
            assertThat(result.err().lines()).hasSize(1);
        }
    }

    @Test
    void verifyTokenHelpListsOnlyTheOptionsItUses() {
        CliRunner.Result result = run("verify-token", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("--token-file", "--bitbucket-workspace", "--ca-cert", "--read-timeout")
                .doesNotContain("--host", "--profile", "--service-principal", "--sp");
    }

    @Test
    void aMisspeltOptionSuggestsTheRightOne() {
        CliRunner.Result result = run("whoami", "--servce-principal", sp());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("did you mean --service-principal?");
        assertThat(result.err().lines()).hasSize(1);
    }
}
