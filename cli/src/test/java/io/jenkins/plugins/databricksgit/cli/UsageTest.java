package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line mistakes end with exit code 2 and one line on stderr, before any network call. */
class UsageTest {
    @TempDir
    Path home;

    @Test
    void tokenAsFlagValueIsRefusedWithTheReasonAndNeverEchoed() {
        CliRunner.Result result = new CliRunner(home).run("push", "--token", "ATCTT3xFfGN0secretvalue");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("--token is refused")
                .contains("ps")
                .contains("shell history")
                .contains("BITBUCKET_TOKEN")
                .contains("--token-file")
                .contains("--token-stdin")
                .doesNotContain("ATCTT3xFfGN0secretvalue");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void tokenFlagIsRefusedInEverySpellingAndCommand() {
        CliRunner runner = new CliRunner(home);
        for (String[] args : new String[][] {
            {"run", "--token=abc", "--", "true"},
            {"verify-token", "--bitbucket-token", "abc"},
            {"push", "--token"}
        }) {
            CliRunner.Result result = runner.run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err()).contains("is refused").doesNotContain("abc");
        }
    }

    @Test
    void unknownOptionIsUsageError() {
        CliRunner.Result result = new CliRunner(home).run("list", "--frobnicate");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("error: Unknown option: '--frobnicate'")
                .contains("list --help");
    }

    @Test
    void missingCommandIsUsageError() {
        CliRunner.Result result = new CliRunner(home).run();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("missing command");
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        CliRunner.Result result = new CliRunner(home).run("--help");
        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out())
                .contains("push", "remove", "list", "verify-token", "whoami", "run")
                .contains("Exit codes");
    }

    @Test
    void missingHostIsAConfigurationError() {
        CliRunner.Result result =
                new CliRunner(home).env("DATABRICKS_TOKEN", "dapi-x").run("list");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no Databricks workspace").contains("DATABRICKS_HOST");
    }

    @Test
    void unknownProfileIsAConfigurationError() {
        CliRunner.Result result = new CliRunner(home).run("list", "--profile", "nope");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("profile 'nope'").contains(".databrickscfg");
    }

    @Test
    void tokenFileAndStdinTogetherAreAUsageError() {
        CliRunner.Result result = new CliRunner(home)
                .run("verify-token", "--token-file", home.resolve("t").toString(), "--token-stdin");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("not both");
    }

    @Test
    void noTokenAnywhereNamesTheThreeSources() {
        CliRunner.Result result = new CliRunner(home).run("verify-token");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("BITBUCKET_TOKEN", "--token-file", "--token-stdin");
    }

    @Test
    void badDurationIsAUsageError() {
        CliRunner.Result result = new CliRunner(home).run("push", "--wait-timeout", "soon");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("30s");
    }
}
