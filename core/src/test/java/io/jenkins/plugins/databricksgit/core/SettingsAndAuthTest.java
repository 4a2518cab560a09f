package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class SettingsAndAuthTest {
    @Test
    void defaults() {
        ClientSettings d = ClientSettings.defaults();
        assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.callTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(d.maxAttempts()).isEqualTo(4);
        assertThat(d.maxRetryTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.baseClient()).isSameAs(ClientSettings.builder().build().baseClient());
    }

    @Test
    void builderKeepsValuesAndValidates() {
        OkHttpClient base = new OkHttpClient();
        ClientSettings s = ClientSettings.builder()
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ZERO)
                .maxAttempts(1)
                .maxRetryTime(Duration.ofSeconds(3))
                .baseClient(base)
                .build();
        assertThat(s.toBuilder().build().baseClient()).isSameAs(base);
        assertThat(s.callTimeout()).isZero();
        assertThat(s.maxAttempts()).isEqualTo(1);
        assertThatThrownBy(() -> ClientSettings.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientSettings.builder().readTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authDescriptionsHoldNoSecret() {
        String secret = "dose-secret-describe-0123456789";
        DatabricksAuth oauth =
                DatabricksAuth.oauthClientCredentials("6f1d2c3b-1111-4a5b-8c9d-0123456789ab", SecretValue.of(secret));
        assertThat(oauth.describe()).isEqualTo("OAuth client 6f1d2c3b…");
        assertThat(oauth.toString()).doesNotContain(secret);
        DatabricksAuth pat = DatabricksAuth.bearerToken(SecretValue.of(secret));
        assertThat(pat.describe()).isEqualTo("personal access token");
        assertThat(pat.toString()).doesNotContain(secret);
        assertThatThrownBy(() -> DatabricksAuth.oauthClientCredentials(" ", SecretValue.of(secret)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheFactoryAuthsAreAccepted() {
        DatabricksAuth custom = () -> "custom";
        assertThatThrownBy(() -> new DatabricksClient(
                        WorkspaceUrl.parse("https://x.cloud.databricks.com"), custom, ClientSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DatabricksAuth.bearerToken");
    }

    @Test
    void bitbucketApiUrlRules() {
        assertThatThrownBy(() -> new BitbucketClient("http://api.bitbucket.org", null))
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> new BitbucketClient("https://user:pw@api.bitbucket.org", null))
                .hasMessageContaining("user name or password")
                .hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> new BitbucketClient("ftp://api.bitbucket.org", null))
                .isInstanceOf(IllegalArgumentException.class);
        new BitbucketClient(null, null);
        new BitbucketClient("http://localhost:1234/bitbucket/", null);
    }
}
