package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkspaceUrlTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://adb-123.4.azuredatabricks.net | https://adb-123.4.azuredatabricks.net | ",
                "https://adb-123.4.azuredatabricks.net/ | https://adb-123.4.azuredatabricks.net | ",
                "  https://ADB-123.4.AzureDatabricks.net/  | https://adb-123.4.azuredatabricks.net | ",
                "HTTPS://x.cloud.databricks.com | https://x.cloud.databricks.com | ",
                "https://x.cloud.databricks.com/?o=123 | https://x.cloud.databricks.com | the query ?o=123",
                "https://x.cloud.databricks.com/#job/1 | https://x.cloud.databricks.com | the fragment #job/1",
                "https://x.cloud.databricks.com/browse/folders/1 | https://x.cloud.databricks.com | the path /browse/folders/1",
                "https://x.cloud.databricks.com:443/ | https://x.cloud.databricks.com | ",
                "https://x.cloud.databricks.com:8443 | https://x.cloud.databricks.com:8443 | ",
                "http://localhost:8080/ | http://localhost:8080 | ",
                "http://127.0.0.1:1234 | http://127.0.0.1:1234 | ",
                "http://127.8.9.10:1234 | http://127.8.9.10:1234 | ",
                "http://[::1]:1234/ | http://[::1]:1234 | ",
            })
    void normalises(String raw, String url, String dropped) {
        WorkspaceUrl w = WorkspaceUrl.parse(raw);
        assertThat(w.url()).isEqualTo(url);
        assertThat(w.toString()).isEqualTo(url);
        assertThat(w.dropped()).isEqualTo(dropped == null ? List.of() : List.of(dropped));
    }

    @org.junit.jupiter.api.Test
    void reportsEverythingDroppedFromABrowserUrl() {
        WorkspaceUrl w = WorkspaceUrl.parse("https://x.cloud.databricks.com/browse/folders/1?o=123#notebook/2");
        assertThat(w.url()).isEqualTo("https://x.cloud.databricks.com");
        assertThat(w.dropped())
                .containsExactly("the path /browse/folders/1", "the query ?o=123", "the fragment #notebook/2");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | empty",
                "'   ' | empty",
                "x.cloud.databricks.com | no scheme",
                "localhost:8080 | no scheme",
                "ftp://x.cloud.databricks.com | must start with https://, not ftp:",
                "file:///etc/passwd | must start with https://, not file:",
                "mailto:someone@example.com | must start with https://",
                "https:// | no valid host",
                "http://x.cloud.databricks.com | must use https://",
                "http://10.0.0.1 | must use https://",
            })
    void rejects(String raw, String message) {
        assertThatThrownBy(() -> WorkspaceUrl.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void rejectsUserInfoWithoutRepeatingIt() {
        assertThatThrownBy(() -> WorkspaceUrl.parse("https://token:dapiSECRET123@x.cloud.databricks.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user name or password")
                .hasMessageNotContaining("dapiSECRET123");
        assertThatThrownBy(() -> WorkspaceUrl.parse("https://dapiSECRET123@x.cloud.databricks.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("dapiSECRET123");
    }

    @org.junit.jupiter.api.Test
    void loopbackHosts() {
        assertThat(WorkspaceUrl.isLoopback("localhost")).isTrue();
        assertThat(WorkspaceUrl.isLoopback("127.0.0.1")).isTrue();
        assertThat(WorkspaceUrl.isLoopback("127.255.0.3")).isTrue();
        assertThat(WorkspaceUrl.isLoopback("::1")).isTrue();
        assertThat(WorkspaceUrl.isLoopback("[::1]")).isTrue();
        assertThat(WorkspaceUrl.isLoopback("128.0.0.1")).isFalse();
        assertThat(WorkspaceUrl.isLoopback("localhost.example.com")).isFalse();
        assertThat(WorkspaceUrl.isLoopback("127.0.0.1.nip.io")).isFalse();
    }
}
