package io.jenkins.plugins.databricksgit.core;

import static io.jenkins.plugins.databricksgit.core.DatabricksClientEmulatorTest.catchDatabricks;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that quotes what it received in its error messages (the Authorization header, the request body), in the
 * forms a secret takes on the wire: no secret reaches the exception text, which builds print and the command line
 * shows.
 */
class EchoedSecretsTest {
    private static final String CLIENT_ID = "6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f";
    private static final String CLIENT_SECRET = "dose0123456789/abcdef+XYZ";
    private static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.access-token-canary";
    private static final String PAT = "dapi0123456789abcdef0123456789ab";
    private static final String GIT_TOKEN = "ATCTT3xFfGN0/git+token=canary";

    private MockWebServer server;
    private volatile UnaryOperator<String> encode = UnaryOperator.identity();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String auth = request.getHeaders().get("Authorization");
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                if (request.getUrl().encodedPath().equals("/oidc/v1/token")
                        && auth.equals(okhttp3.Credentials.basic(CLIENT_ID, "right-secret"))) {
                    return json(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3600}");
                }
                String echoed = encode.apply(auth + " " + body);
                String error = request.getUrl().encodedPath().equals("/oidc/v1/token")
                        ? "{\"error\":\"invalid_client\",\"error_description\":" + quote(echoed) + "}"
                        : "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":" + quote(echoed) + "}";
                return json(400, error);
            }
        });
        server.start();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** A JSON string literal, escaping the way a Java JSON writer does ({@code /} as {@code \/}). */
    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/") + "\"";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DatabricksClient client(DatabricksAuth auth) {
        return new DatabricksClient(
                WorkspaceUrl.parse(server.url("/").toString()),
                auth,
                ClientSettings.builder()
                        .sleeper(new FakeSleeper())
                        .maxAttempts(1)
                        .build());
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertFree(String message, String... secrets) {
        for (String secret : secrets) {
            for (String form : SecretForms.of(secret, List.of(CLIENT_ID, "x-token-auth"))) {
                assertThat(message).as("message %s", message).doesNotContain(form);
            }
        }
        assertThat(message).doesNotContain(b64(CLIENT_ID + ":" + CLIENT_SECRET).replace("=", ""));
    }

    @Test
    void theBasicHeaderOfTheTokenRequestEchoedBack() {
        DatabricksException e = catchDatabricks(
                client(DatabricksAuth.oauthClientCredentials(CLIENT_ID, SecretValue.of(CLIENT_SECRET)))::me);

        assertThat(e.getMessage()).contains("refused to issue an OAuth token").contains("Basic ****");
        assertFree(e.getMessage(), CLIENT_SECRET);
    }

    @Test
    void theOAuthAccessTokenEchoedBackAsIsUrlEncodedAndInBase64() {
        for (UnaryOperator<String> how : List.<UnaryOperator<String>>of(
                UnaryOperator.identity(),
                s -> URLEncoder.encode(s, StandardCharsets.UTF_8),
                s -> s.replace(ACCESS_TOKEN, b64(ACCESS_TOKEN)))) {
            encode = how;
            DatabricksException e = catchDatabricks(
                    client(DatabricksAuth.oauthClientCredentials(CLIENT_ID, SecretValue.of("right-secret")))::me);

            assertThat(e.getMessage()).contains("HTTP 400");
            assertFree(e.getMessage(), ACCESS_TOKEN, "right-secret");
        }
    }

    @Test
    void thePersonalAccessTokenAndTheGitTokenInTheBody() {
        for (UnaryOperator<String> how : List.<UnaryOperator<String>>of(
                UnaryOperator.identity(),
                s -> URLEncoder.encode(s, StandardCharsets.UTF_8),
                s -> s.replace(GIT_TOKEN, b64("x-token-auth:" + GIT_TOKEN)).replace(PAT, b64(PAT)))) {
            encode = how;
            DatabricksClient client = client(DatabricksAuth.bearerToken(SecretValue.of(PAT)));
            DatabricksException e = catchDatabricks(() -> client.createGitCredential(
                    new GitCredentialSpec("bitbucketCloud", "x-token-auth", SecretValue.of(GIT_TOKEN), null, null),
                    null));

            assertThat(e.getMessage()).contains("HTTP 400").contains("****");
            assertFree(e.getMessage(), PAT, GIT_TOKEN);
        }
    }
}
