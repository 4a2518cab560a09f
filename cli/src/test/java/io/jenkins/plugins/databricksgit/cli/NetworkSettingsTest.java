package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import java.io.IOException;
import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP(S)_PROXY, NO_PROXY and --ca-cert against the emulator, through a forwarding proxy. */
class NetworkSettingsTest extends EmulatorTest {
    private MockWebServer proxy;
    private final List<String> proxiedTargets = new ArrayList<>();
    private String requiredProxyAuthorization;

    @BeforeEach
    void startProxy() throws IOException {
        proxy = new MockWebServer();
        proxy.setDispatcher(new ForwardingProxy());
        proxy.start();
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void requestsGoThroughHttpProxy() {
        cli.env("HTTP_PROXY", "http://127.0.0.1:" + proxy.getPort());

        CliRunner.Result result = run("whoami");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(proxiedTargets).contains(emulator.url() + "/api/2.0/preview/scim/v2/Me");
    }

    @Test
    void bitbucketCallsGoThroughTheProxyToo() {
        cli.env("http_proxy", "127.0.0.1:" + proxy.getPort());

        CliRunner.Result result = run("verify-token");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(proxiedTargets).anyMatch(t -> t.startsWith(emulator.bitbucketApiUrl() + "/2.0/repositories/"));
    }

    @Test
    void noProxyBypassesTheProxy() {
        cli.env("HTTP_PROXY", "http://127.0.0.1:" + proxy.getPort()).env("NO_PROXY", "localhost,127.0.0.1");

        CliRunner.Result result = run("whoami");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(proxiedTargets).isEmpty();
        assertThat(emulator.requestCount(Endpoint.SCIM_ME)).isEqualTo(1);
    }

    @Test
    void proxyCredentialsFromTheUrlAreSentAndNeverPrinted() {
        requiredProxyAuthorization = "Basic " + Base64.getEncoder().encodeToString("alice:pr0xy-pw".getBytes());
        secrets.add("pr0xy-pw");
        cli.env("HTTP_PROXY", "http://alice:pr0xy-pw@127.0.0.1:" + proxy.getPort());

        CliRunner.Result result = run("whoami");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
        assertThat(proxiedTargets).isNotEmpty();
    }

    @Test
    void wrongProxyCredentialsFail() {
        requiredProxyAuthorization = "Basic " + Base64.getEncoder().encodeToString("alice:right".getBytes());
        cli.env("HTTP_PROXY", "http://alice:wrong@127.0.0.1:" + proxy.getPort());

        CliRunner.Result result = run("whoami");

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).doesNotContain("wrong");
        assertThat(emulator.requestCount(Endpoint.SCIM_ME)).isZero();
    }

    @Test
    void caCertBundleMakesASelfSignedWorkspaceTrusted() throws Exception {
        try (DatabricksEmulator https = DatabricksEmulator.startHttps()) {
            String pat = https.issuePat(https.addUser("tls@example.com", "TLS User"));
            secrets.add(pat);
            Path pem = home.resolve("proxy-ca.pem");
            Files.writeString(pem, https.certificatePem());
            cli.env("DATABRICKS_HOST", https.url()).env("DATABRICKS_TOKEN", pat);

            CliRunner.Result untrusted = run("whoami");
            assertThat(untrusted.exitCode()).as(untrusted.toString()).isEqualTo(1);
            assertThat(untrusted.err()).startsWith("error: ");

            CliRunner.Result trusted = run("whoami", "--ca-cert", pem.toString());
            assertThat(trusted.exitCode()).as(trusted.toString()).isEqualTo(0);
            assertThat(trusted.out()).contains("TLS User");
        }
    }

    @Test
    void caCertThatIsNotPemIsAUsageError() throws Exception {
        Path notPem = home.resolve("ca.pem");
        Files.writeString(notPem, "hello");

        CliRunner.Result result = run("whoami", "--ca-cert", notPem.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--ca-cert");
    }

    /** A plain HTTP forward proxy: absolute-form request in, same request to the origin, its answer back. */
    private final class ForwardingProxy extends Dispatcher {
        private final OkHttpClient direct =
                new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).build();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            if (requiredProxyAuthorization != null
                    && !requiredProxyAuthorization.equals(request.getHeaders().get("Proxy-Authorization"))) {
                return new MockResponse.Builder()
                        .code(407)
                        .addHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")
                        .build();
            }
            String target = request.getUrl().toString();
            synchronized (proxiedTargets) {
                proxiedTargets.add(target.contains("?") ? target.substring(0, target.indexOf('?')) : target);
            }
            Headers.Builder headers = new Headers.Builder();
            for (String name : request.getHeaders().names()) {
                if (!name.equalsIgnoreCase("Proxy-Authorization")
                        && !name.equalsIgnoreCase("Proxy-Connection")
                        && !name.equalsIgnoreCase("Host")
                        && !name.equalsIgnoreCase("Content-Length")) {
                    for (String value : request.getHeaders().values(name)) {
                        headers.add(name, value);
                    }
                }
            }
            RequestBody body = request.getBody() == null || request.getMethod().equals("GET")
                    ? null
                    : RequestBody.create(request.getBody().toByteArray(), null);
            Request forwarded = new Request.Builder()
                    .url(request.getUrl())
                    .headers(headers.build())
                    .method(request.getMethod(), body)
                    .build();
            try (Response response = direct.newCall(forwarded).execute()) {
                ResponseBody responseBody = response.body();
                return new MockResponse.Builder()
                        .code(response.code())
                        .headers(response.headers())
                        .body(responseBody.string())
                        .build();
            } catch (IOException e) {
                return new MockResponse.Builder().code(502).build();
            }
        }
    }
}
