package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EnvironmentProxySelectorTest {
    private final CliRunner runner = new CliRunner(Path.of("home"));

    private EnvironmentProxySelector selector() {
        return EnvironmentProxySelector.fromEnvironment(runner.environment());
    }

    @Test
    void noProxyVariablesMeansNoSelector() {
        assertThat(selector()).isNull();
    }

    @Test
    void httpsUrlsGoThroughHttpsProxy() {
        runner.env("HTTPS_PROXY", "http://proxy.corp:3128");
        Proxy proxy = selector()
                .select(URI.create("https://adb-1.azuredatabricks.net/api/2.0/git-credentials"))
                .get(0);
        assertThat(proxy.type()).isEqualTo(Proxy.Type.HTTP);
        InetSocketAddress address = (InetSocketAddress) proxy.address();
        assertThat(address.getHostString()).isEqualTo("proxy.corp");
        assertThat(address.getPort()).isEqualTo(3128);
        // http:// URLs use HTTP_PROXY, which is unset.
        assertThat(selector().select(URI.create("http://127.0.0.1:8080/"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void lowerCaseSpellingsAndSchemelessValuesAreAccepted() {
        runner.env("https_proxy", "proxy.corp:8080");
        InetSocketAddress address = (InetSocketAddress) selector()
                .select(URI.create("https://x.cloud.databricks.com"))
                .get(0)
                .address();
        assertThat(address.getPort()).isEqualTo(8080);
    }

    @Test
    void noProxyMatchesExactHostsDomainSuffixesPortsAndWildcard() {
        runner.env("HTTPS_PROXY", "http://proxy.corp:3128")
                .env("NO_PROXY", "localhost, .internal.corp,example.org,api.bitbucket.org:8443");
        EnvironmentProxySelector selector = selector();
        assertThat(selector.select(URI.create("https://localhost/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://dbx.internal.corp/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://sub.example.org/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://notexample.org/"))).doesNotContain(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://api.bitbucket.org/"))).doesNotContain(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://api.bitbucket.org:8443/")))
                .containsExactly(Proxy.NO_PROXY);

        runner.env("NO_PROXY", "*");
        assertThat(selector().select(URI.create("https://anything/"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void proxyPasswordNeverShows() {
        runner.env("HTTPS_PROXY", "http://alice:s3cr3t@proxy.corp:3128");
        EnvironmentProxySelector.ProxyUrl proxy = selector().proxyFor("https");
        assertThat(proxy.username()).isEqualTo("alice");
        assertThat(proxy.password()).isEqualTo("s3cr3t");
        assertThat(proxy.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void httpsProxySchemeIsRejectedWithTheVariableName() {
        runner.env("HTTPS_PROXY", "socks5://proxy.corp:1080");
        assertThatThrownBy(this::selector).isInstanceOf(CliException.class).hasMessageContaining("HTTPS_PROXY");
    }
}
