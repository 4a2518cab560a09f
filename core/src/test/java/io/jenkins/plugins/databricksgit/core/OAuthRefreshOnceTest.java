package io.jenkins.plugins.databricksgit.core;

import static io.jenkins.plugins.databricksgit.core.DatabricksClientEmulatorTest.catchDatabricks;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.core.DatabricksException.Reason;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token that keeps being rejected is refreshed once, not in a loop; the token request has the documented shape. */
class OAuthRefreshOnceTest {
    MockWebServer server;
    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger apiRequests = new AtomicInteger();
    volatile RecordedRequest lastTokenRequest;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/oidc/v1/token")) {
                    lastTokenRequest = request;
                    int n = tokenRequests.incrementAndGet();
                    return new MockResponse.Builder()
                            .addHeader("Content-Type", "application/json")
                            .body("{\"access_token\":\"eyJ-token-" + n + "\",\"token_type\":\"Bearer\","
                                    + "\"expires_in\":3600,\"scope\":\"all-apis\"}")
                            .build();
                }
                apiRequests.incrementAndGet();
                return new MockResponse.Builder()
                        .code(403)
                        .addHeader("Content-Type", "application/json")
                        .body("{\"error_code\":403,\"message\":\"Invalid access token.\"}")
                        .build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refreshesOnceThenReportsTheInvalidToken() throws Exception {
        DatabricksClient client = new DatabricksClient(
                WorkspaceUrl.parse(server.url("/").toString()),
                DatabricksAuth.oauthClientCredentials("client-id-1", SecretValue.of("secret-value-1")),
                ClientSettings.builder().sleeper(new FakeSleeper()).build());
        DatabricksException e = catchDatabricks(client::me);
        assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN);
        assertThat(e.getMessage())
                .contains("OAuth client")
                .doesNotContain("eyJ-token")
                .doesNotContain("secret-value-1");
        assertThat(tokenRequests).hasValue(2);
        assertThat(apiRequests).hasValue(2);

        RecordedRequest token = lastTokenRequest;
        assertThat(token.getMethod()).isEqualTo("POST");
        assertThat(token.getHeaders().get("Authorization"))
                .isEqualTo(Credentials.basic("client-id-1", "secret-value-1"));
        assertThat(token.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(token.getBody().utf8()).isEqualTo("grant_type=client_credentials&scope=all-apis");
        assertThat(token.getUrl().query()).isNull();
    }
}
