package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    java.nio.file.Path home;

    @Test
    void runsTheWholeCycleAndExitsZeroWithoutShowingSecrets() {
        CliRunner.Result result = new CliRunner(home).run("demo");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(result.out())
                .contains("Started the Databricks emulator at http://127.0.0.1:")
                .contains("$ export DATABRICKS_TOKEN=dapi****")
                .contains("$ export BITBUCKET_TOKEN=ATCT****")
                .contains("$ databricks-git-credential verify-token --bitbucket-workspace acme")
                .contains("Token valid: it can read acme/data-pipelines")
                .contains("Created Git credential ")
                .contains("Updated Git credential ")
                .contains("username x-token-auth, token ATCT****")
                .contains("bitbucketCloud  x-token-auth")
                .contains("Removed Git credential ")
                .contains("No Git credentials for service principal deploy-bot")
                .contains("Done:");
        assertThat(result.out()).doesNotContainPattern("dapi[0-9a-f]{8}").doesNotContainPattern("ATCT[^*]");
        assertThat(result.out().indexOf("Created")).isLessThan(result.out().indexOf("Updated"));
        assertThat(result.out().indexOf("Removed")).isGreaterThan(result.out().indexOf("Updated"));
    }
}
