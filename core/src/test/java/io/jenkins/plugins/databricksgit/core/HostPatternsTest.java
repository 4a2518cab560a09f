package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPatternsTest {
    private static boolean allows(HostPatterns p, String url) {
        return p.allows(WorkspaceUrl.parse(url));
    }

    @Test
    void defaultsAllowTheWorkspaceAndAccountHostsOfEveryCloud() {
        HostPatterns d = HostPatterns.databricksDefaults();

        assertThat(allows(d, "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com")).isTrue();
        assertThat(allows(d, "https://accounts.cloud.databricks.com")).isTrue();
        assertThat(allows(d, "https://adb-1234567890123456.7.azuredatabricks.net"))
                .isTrue();
        assertThat(allows(d, "https://accounts.azuredatabricks.net")).isTrue();
        assertThat(allows(d, "https://westeurope.pl-auth.azuredatabricks.net")).isTrue();
        assertThat(allows(d, "https://1234567890123456.7.gcp.databricks.com")).isTrue();
        assertThat(allows(d, "https://accounts.gcp.databricks.com")).isTrue();
        assertThat(allows(d, "https://dbc-1.cloud.databricks.us")).isTrue();
        assertThat(allows(d, "https://adb-1.2.databricks.azure.cn")).isTrue();
        assertThat(allows(d, "https://ADB-1.2.AzureDatabricks.NET/browse?o=1")).isTrue();
    }

    @Test
    void defaultsRefuseLookAlikesAndOtherHosts() {
        HostPatterns d = HostPatterns.databricksDefaults();

        assertThat(allows(d, "https://evil.example.com")).isFalse();
        assertThat(allows(d, "https://x.cloud.databricks.com.evil.io")).isFalse();
        assertThat(allows(d, "https://cloud.databricks.com")).isFalse();
        assertThat(allows(d, "https://xcloud.databricks.com")).isFalse();
        assertThatThrownBy(() -> WorkspaceUrl.parse("https://x.cloud.databricks.com@evil.io"))
                .hasMessageContaining("user name");
        assertThat(allows(d, "https://azuredatabricks.net.evil.io")).isFalse();
        assertThat(allows(d, "http://127.0.0.1:8080")).isFalse();
        assertThat(allows(d, "https://x.azurédatabricks.net")).isFalse();
    }

    @Test
    void exactHostsPortsAndLoopbackAddresses() {
        HostPatterns p =
                HostPatterns.parse("127.0.0.1\n# a comment\n\nlocalhost:8443, [::1], adb-1.2.azuredatabricks.net");

        assertThat(p.patterns()).containsExactly("127.0.0.1", "localhost:8443", "[::1]", "adb-1.2.azuredatabricks.net");
        assertThat(allows(p, "http://127.0.0.1:41234")).isTrue();
        assertThat(allows(p, "http://localhost:8443")).isTrue();
        assertThat(allows(p, "http://localhost:8080")).isFalse();
        assertThat(allows(p, "http://[::1]:9000")).isTrue();
        assertThat(allows(p, "https://adb-1.2.azuredatabricks.net")).isTrue();
        assertThat(allows(p, "https://adb-2.2.azuredatabricks.net")).isFalse();
        assertThat(allows(p, "http://127.0.0.2:41234")).isFalse();
    }

    @Test
    void aWildcardWithAPortAllowsOnlyThatPort() {
        HostPatterns p = HostPatterns.parse("*.example.com:8443");

        assertThat(allows(p, "https://a.example.com:8443")).isTrue();
        assertThat(allows(p, "https://a.b.example.com:8443")).isTrue();
        assertThat(allows(p, "https://a.example.com")).isFalse();
        assertThat(allows(p, "https://example.com:8443")).isFalse();
    }

    @Test
    void anEmptyListAllowsNothing() {
        assertThat(HostPatterns.parse("").isEmpty()).isTrue();
        assertThat(HostPatterns.parse(" \n# nothing\n").isEmpty()).isTrue();
        assertThat(allows(HostPatterns.none(), "https://dbc-1.cloud.databricks.com"))
                .isFalse();
        assertThat(HostPatterns.none()).hasToString("no host");
    }

    @Test
    void malformedPatternsAreRefusedByName() {
        assertThatThrownBy(() -> HostPatterns.parse("*")).hasMessageContaining("\"*\" is not a host pattern");
        assertThatThrownBy(() -> HostPatterns.parse("*.com")).hasMessageContaining("two labels");
        assertThatThrownBy(() -> HostPatterns.parse("a.*.example.com")).hasMessageContaining("leading labels");
        assertThatThrownBy(() -> HostPatterns.parse("https://x.cloud.databricks.com"))
                .hasMessageContaining("without scheme");
        assertThatThrownBy(() -> HostPatterns.parse("ok.example.com\nbad host")).hasMessageContaining("\"bad host\"");
        assertThatThrownBy(() -> HostPatterns.parse("x.example.com:99999")).hasMessageContaining("port");
        assertThatThrownBy(() -> HostPatterns.parse("*.0.0.1")).hasMessageContaining("two labels");
    }

    @Test
    void patternsAreNormalisedAndDeduplicated() {
        HostPatterns p = HostPatterns.parse("*.Cloud.Databricks.COM\n*.cloud.databricks.com");

        assertThat(p.patterns()).containsExactly("*.cloud.databricks.com");
        assertThat(p.toText()).isEqualTo("*.cloud.databricks.com");
        assertThat(HostPatterns.databricksDefaults().patterns()).isEqualTo(HostPatterns.DATABRICKS_DEFAULTS);
    }
}
