package io.jenkins.plugins.databricksgit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class HttpsTest {
    @Test
    void servesHttpsWithACertificateForLoopbackNames() throws IOException {
        try (DatabricksEmulator emulator = DatabricksEmulator.startHttps()) {
            EmulatedPrincipal sp = emulator.addServicePrincipal("ci-deployer");
            String pat = emulator.issuePat(sp);
            assertThat(emulator.url()).startsWith("https://127.0.0.1:").doesNotEndWith("/");
            assertThat(emulator.bitbucketApiUrl()).isEqualTo(emulator.url() + "/bitbucket");
            assertThat(emulator.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");

            Http http = new Http(emulator);
            assertThat(http.get("/api/2.0/preview/scim/v2/Me", pat).status()).isEqualTo(200);

            OkHttpClient trusting = http.client();
            Request byName = new Request.Builder()
                    .url("https://localhost:" + emulator.port() + "/api/2.0/git-credentials")
                    .header("Authorization", "Bearer " + pat)
                    .build();
            try (Response response = trusting.newCall(byName).execute()) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.handshake()).isNotNull();
            }
        }
    }

    @Test
    void faultsWorkOverTlsToo() throws IOException {
        try (DatabricksEmulator emulator = DatabricksEmulator.startHttps()) {
            EmulatedPrincipal sp = emulator.addServicePrincipal("ci-deployer");
            String pat = emulator.issuePat(sp);
            Http http = new Http(emulator);
            String create = "{\"git_provider\":\"bitbucketCloud\",\"personal_access_token\":\"t\"}";
            emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.dropConnectionAfterApplying());
            emulator.inject(Endpoint.GIT_CREDENTIALS_LIST, Fault.rateLimited(1));

            assertThatThrownBy(() -> http.post("/api/2.0/git-credentials", pat, create))
                    .isInstanceOf(IOException.class);
            assertThat(http.get("/api/2.0/git-credentials", pat).status()).isEqualTo(429);
            assertThat(http.get("/api/2.0/git-credentials", pat).json().get("credentials"))
                    .hasSize(1);
        }
    }

    @Test
    void clientsWithoutTheEmulatorsTrustMaterialAreRefused() {
        try (DatabricksEmulator emulator = DatabricksEmulator.startHttps()) {
            OkHttpClient plain =
                    new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
            Request request = new Request.Builder()
                    .url(emulator.url() + "/oidc/.well-known/oauth-authorization-server")
                    .build();

            assertThatThrownBy(() -> plain.newCall(request).execute().close()).isInstanceOf(SSLException.class);
        }
    }

    @Test
    void httpModeHasNoTrustMaterial() {
        try (DatabricksEmulator emulator = DatabricksEmulator.start()) {
            assertThat(emulator.url()).startsWith("http://127.0.0.1:");
            assertThat(emulator.https()).isFalse();
            assertThatThrownBy(emulator::clientTrustManager).isInstanceOf(IllegalStateException.class);
        }
    }
}
