package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.OAuthClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WhoamiCommandTest extends EmulatorTest {
    @Test
    void showsWorkspaceIdentityAndCredentialSource() {
        CliRunner.Result result = run("whoami");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out())
                .contains("Workspace:      " + emulator.url())
                .contains("user CI Manager (id " + manager.id() + ")")
                .contains("from the environment");
    }

    @Test
    void namesTheServicePrincipalActedFor() {
        CliRunner.Result result = run("whoami", "--service-principal", sp());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out())
                .contains("Acting for:     service principal deploy-bot (" + sp() + ", id " + servicePrincipal.id()
                        + ")");
    }

    @Test
    void oauthClientCredentialsFromTheEnvironment() throws Exception {
        OAuthClient client = emulator.issueOAuthSecret(servicePrincipal);
        secrets.add(client.clientSecret());
        cli.env.remove("DATABRICKS_TOKEN");
        cli.env("DATABRICKS_CLIENT_ID", client.clientId()).env("DATABRICKS_CLIENT_SECRET", client.clientSecret());

        CliRunner.Result result = run("whoami", "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        JsonNode json = json(result);
        assertThat(json.get("principal").get("id").asLong()).isEqualTo(servicePrincipal.id());
        assertThat(json.get("principal").get("servicePrincipal").asBoolean()).isTrue();
        assertThat(json.get("workspace").asText()).isEqualTo(emulator.url());
    }

    @Test
    void invalidDatabricksTokenExitsThree() {
        emulator.revokePat(managerPat);

        CliRunner.Result result = run("whoami");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).startsWith("error: ").doesNotContain("\tat ");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void debugAddsTheStackTrace() {
        emulator.revokePat(managerPat);

        CliRunner.Result result = run("whoami", "--debug");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("\tat ");
    }

    @Test
    void unknownServicePrincipalExitsFour() {
        CliRunner.Result result = run("whoami", "--service-principal", "00000000-0000-0000-0000-000000000000");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
    }

    @Test
    void tokenAndClientCredentialsTogetherAreAConfigurationError() {
        cli.env("DATABRICKS_CLIENT_ID", "id").env("DATABRICKS_CLIENT_SECRET", "secret");

        CliRunner.Result result = run("whoami");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("more than one authentication method");
    }

    @Test
    void defaultProfileOfTheConfigFileInTheHomeDirectory() throws Exception {
        cli.env.remove("DATABRICKS_HOST");
        cli.env.remove("DATABRICKS_TOKEN");
        Files.writeString(
                home.resolve(".databrickscfg"),
                "[DEFAULT]\nhost = " + emulator.url() + "\ntoken = " + managerPat + "\n");

        CliRunner.Result result = run("whoami");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out()).contains("profile DEFAULT in " + home.resolve(".databrickscfg"));
    }

    @Test
    void namedProfileByFlagOrEnvironmentAndConfigFileElsewhere() throws Exception {
        EmulatedPrincipal other = emulator.addUser("other@example.com", "Other User");
        String otherPat = emulator.issuePat(other);
        secrets.add(otherPat);
        Path file = home.resolve("custom.cfg");
        Files.writeString(
                file,
                "[DEFAULT]\nhost = " + emulator.url() + "\ntoken = " + managerPat + "\n\n[other]\nhost = "
                        + emulator.url() + "/?o=123\ntoken = " + otherPat + "\n");
        cli.env.remove("DATABRICKS_HOST");
        cli.env.remove("DATABRICKS_TOKEN");
        cli.env("DATABRICKS_CONFIG_FILE", file.toString());

        CliRunner.Result byFlag = run("whoami", "--profile", "other");
        assertThat(byFlag.exitCode()).as(byFlag.toString()).isEqualTo(0);
        assertThat(byFlag.out()).contains("Other User").contains("profile other in " + file);

        cli.env("DATABRICKS_CONFIG_PROFILE", "other");
        assertThat(run("whoami").out()).contains("Other User");

        cli.env.remove("DATABRICKS_CONFIG_PROFILE");
        assertThat(run("whoami").out()).contains("CI Manager");
    }

    @Test
    void environmentWinsOverTheDefaultProfileButAProfileFlagWinsOverTheEnvironment() throws Exception {
        EmulatedPrincipal other = emulator.addUser("other@example.com", "Other User");
        String otherPat = emulator.issuePat(other);
        secrets.add(otherPat);
        Files.writeString(
                home.resolve(".databrickscfg"), "[DEFAULT]\nhost = " + emulator.url() + "\ntoken = " + otherPat + "\n");

        assertThat(run("whoami").out()).contains("CI Manager");
        assertThat(run("whoami", "--profile", "DEFAULT").out()).contains("Other User");
    }

    @Test
    void hostFlagWinsAndBrowserUrlsAreNormalised() {
        cli.env("DATABRICKS_HOST", "https://nowhere.invalid");

        CliRunner.Result result = run("whoami", "--host", emulator.url() + "/?o=42#folder");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out()).contains("Workspace:      " + emulator.url() + System.lineSeparator());
    }
}
