package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import org.junit.jupiter.api.Test;

class ListCommandTest extends EmulatorTest {
    @Test
    void emptyListSaysSo() {
        CliRunner.Result result = run("list", "--service-principal", sp());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out()).startsWith("No Git credentials for service principal deploy-bot (" + sp());
    }

    @Test
    void jsonHasAnEmptyArray() throws Exception {
        CliRunner.Result result =
                run("list", "--service-principal", Long.toString(servicePrincipal.id()), "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        JsonNode json = json(result);
        assertThat(json.get("credentials").isArray()).isTrue();
        assertThat(json.get("credentials")).isEmpty();
        assertThat(json.get("principal").get("applicationId").asText()).isEqualTo(sp());
    }

    @Test
    void unknownServicePrincipalExitsFour() {
        CliRunner.Result result = run("list", "--service-principal", "4242424242");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).startsWith("error: ");
    }

    @Test
    void jsonErrorOnStandardOutputForMachines() throws Exception {
        CliRunner.Result result = run("list", "--service-principal", "4242424242", "-o", "json");

        assertThat(result.exitCode()).isEqualTo(4);
        JsonNode error = json(result).get("error");
        assertThat(error.get("exitCode").asInt()).isEqualTo(4);
        assertThat(error.get("reason").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.get("message").asText()).contains("4242424242");
        assertThat(result.err()).startsWith("error: ");
    }

    @Test
    void notAManagerOfTheServicePrincipalExitsThree() {
        EmulatedPrincipal stranger = emulator.addUser("stranger@example.com", "Stranger");
        String strangerPat = emulator.issuePat(stranger);
        secrets.add(strangerPat);
        cli.env("DATABRICKS_TOKEN", strangerPat);

        CliRunner.Result result = run("list", "--service-principal", sp());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
    }

    @Test
    void withoutServicePrincipalListsTheCallersOwn() {
        CliRunner.Result result = run("list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out()).contains("user CI Manager");
    }
}
