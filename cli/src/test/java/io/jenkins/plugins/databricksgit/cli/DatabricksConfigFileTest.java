package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabricksConfigFileTest {
    private static final Path FILE = Path.of("databrickscfg");

    @Test
    void readsProfilesWithCommentsAndCaseInsensitiveKeys() {
        DatabricksConfigFile file = DatabricksConfigFile.parse(
                FILE,
                """
                # written by databricks configure
                [DEFAULT]
                host = https://adb-1.azuredatabricks.net/
                token=dapi-default

                ; a second workspace
                [ci]
                HOST = https://dbc-2.cloud.databricks.com
                client_id = 6f1d
                client_secret = secret = with equals
                """);

        assertThat(file.profile("DEFAULT")).containsEntry("host", "https://adb-1.azuredatabricks.net/");
        assertThat(file.profile("DEFAULT")).containsEntry("token", "dapi-default");
        assertThat(file.profile("ci"))
                .containsEntry("host", "https://dbc-2.cloud.databricks.com")
                .containsEntry("client_secret", "secret = with equals");
        assertThat(file.profile("missing")).isNull();
    }

    @Test
    void keysBeforeAnySectionBelongToDefault() {
        DatabricksConfigFile file = DatabricksConfigFile.parse(FILE, "host = https://h\n");
        assertThat(file.profile("DEFAULT")).containsEntry("host", "https://h");
    }

    @Test
    void malformedLineIsReportedWithoutEchoingIt() {
        assertThatThrownBy(() -> DatabricksConfigFile.parse(FILE, "[DEFAULT]\ndapiSECRETVALUE\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("dapiSECRETVALUE");
    }

    @Test
    void missingFileHasNoProfiles() throws Exception {
        DatabricksConfigFile file = DatabricksConfigFile.read(Path.of("does-not-exist", ".databrickscfg"));
        assertThat(file.exists()).isFalse();
        assertThat(file.profile("DEFAULT")).isNull();
    }
}
