package io.jenkins.plugins.databricksgit.core;

import static io.jenkins.plugins.databricksgit.core.DatabricksClientRequestsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.core.DatabricksException.Reason;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each error answer becomes the right reason and sentence; retries stay within their bounds. */
class DatabricksClientErrorsTest {
    static final String PAT = "dapi-errors-test-0123456789abcdef";
    static final String GIT_TOKEN = "ATCTT3xFfGN0errors-test-git-token";

    MockWebServer server;
    FakeSleeper sleeper;
    DatabricksClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        sleeper = new FakeSleeper();
        client = client(ClientSettings.builder().sleeper(sleeper).build());
    }

    DatabricksClient client(ClientSettings settings) {
        return new DatabricksClient(
                WorkspaceUrl.parse(server.url("/").toString()),
                DatabricksAuth.bearerToken(SecretValue.of(PAT)),
                settings);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    GitCredentialSpec spec() {
        return new GitCredentialSpec("bitbucketCloud", "x-token-auth", SecretValue.of(GIT_TOKEN), null, null);
    }

    DatabricksException thrown(Executable call) {
        try {
            call.execute();
        } catch (DatabricksException e) {
            assertThat(e.getMessage()).doesNotContain(PAT).doesNotContain(GIT_TOKEN);
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected a DatabricksException", t);
        }
        throw new AssertionError("expected a DatabricksException, but the call succeeded");
    }

    @Test
    void invalidAccessTokenIs403NotAuthorizationMissing() {
        server.enqueue(new MockResponse.Builder()
                .code(403)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Databricks-Reason-Phrase", "Invalid access token.")
                .addHeader("x-request-id", "req-123")
                .body("{\"error_code\":403,\"message\":\"Invalid access token.\"}")
                .build());
        DatabricksException e = thrown(() -> client.listGitCredentials(null));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.errorCode()).isEqualTo("403");
        assertThat(e.requestId()).isEqualTo("req-123");
        assertThat(e.outcomeUnknown()).isFalse();
        assertThat(e.getMessage())
                .contains("invalid or expired")
                .contains("personal access token")
                .contains("create a new one")
                .contains("req-123");
    }

    @Test
    void invalidAccessTokenInALegacyHtmlPage() {
        server.enqueue(new MockResponse.Builder()
                .code(403)
                .addHeader("Content-Type", "text/html")
                .body("<html><body><h2>HTTP ERROR 403</h2><pre>Error 403 Invalid access token.</pre></body></html>")
                .build());
        assertThat(thrown(() -> client.listGitCredentials(null)).reason()).isEqualTo(Reason.INVALID_TOKEN);
    }

    @Test
    void invalidAccessTokenWins_evenWithPrincipalId() {
        server.enqueue(json(403, "{\"error_code\":403,\"message\":\"Invalid access token.\"}"));
        assertThat(thrown(() -> client.listGitCredentials(5L)).reason()).isEqualTo(Reason.INVALID_TOKEN);
    }

    @Test
    void noCredentialSentIs401() {
        server.enqueue(json(
                401,
                "{\"error_code\":401,\"message\":\"Credential was not sent or was of an unsupported type for this"
                        + " API. [ReqId: abc-42]\"}"));
        DatabricksException e = thrown(() -> client.listGitCredentials(null));
        assertThat(e.reason()).isEqualTo(Reason.NO_CREDENTIALS_SENT);
        assertThat(e.requestId()).isEqualTo("abc-42");
        assertThat(e.getMessage()).contains("no usable credential").contains("Authorization header");
    }

    @Test
    void forbiddenWithPrincipalIdMeansNotServicePrincipalManager() {
        server.enqueue(json(
                403,
                "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"User is not a manager of this service principal.\","
                        + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RequestInfo\",\"request_id\":\"r-9\","
                        + "\"serving_data\":\"\"}]}"));
        DatabricksException e = thrown(() -> client.createGitCredential(spec(), 8573549053511L));
        assertThat(e.reason()).isEqualTo(Reason.NOT_SERVICE_PRINCIPAL_MANAGER);
        assertThat(e.errorCode()).isEqualTo("PERMISSION_DENIED");
        assertThat(e.requestId()).isEqualTo("r-9");
        assertThat(e.getMessage())
                .contains("8573549053511")
                .contains("not a Service Principal Manager")
                .contains("Service Principal: Manager")
                .contains("authenticate as the service principal itself");
    }

    @Test
    void forbiddenWithoutPrincipalIdIsPermissionDenied() {
        server.enqueue(json(403, "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"nope\"}"));
        DatabricksException e = thrown(() -> client.listGitCredentials(null));
        assertThat(e.reason()).isEqualTo(Reason.PERMISSION_DENIED);
        assertThat(e.getMessage()).contains("\"nope\"");
    }

    @Test
    void conflictIsAlreadyExists() {
        server.enqueue(json(
                409,
                "{\"error_code\":\"RESOURCE_ALREADY_EXISTS\",\"message\":\"A Git credential already exists for provider"
                        + " bitbucketCloud. Only one credential per provider is allowed for service principals.\"}"));
        DatabricksException e = thrown(() -> client.createGitCredential(spec(), null));
        assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS);
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.outcomeUnknown()).isFalse();
    }

    @Test
    void legacyInvalidStateIsAlreadyExists() {
        server.enqueue(json(
                400,
                "{\"error_code\":\"INVALID_STATE\",\"message\":\"Only one Git credential is supported at this time. If"
                        + " you would like to update your credential, please use the PATCH endpoint.\"}"));
        DatabricksException e = thrown(() -> client.createGitCredential(spec(), null));
        assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("INVALID_STATE");
    }

    @Test
    void otherBadRequestIsInvalidRequest() {
        server.enqueue(json(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Invalid Git provider\"}"));
        DatabricksException e = thrown(() -> client.createGitCredential(spec(), null));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("Invalid Git provider");
    }

    @Test
    void databricksNotFoundIsNotFound() {
        server.enqueue(json(
                404,
                "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Git credential with id 5 could not be"
                        + " found.\"}"));
        DatabricksException e = thrown(() -> client.deleteGitCredential(5, 7L));
        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.errorCode()).isEqualTo("RESOURCE_DOES_NOT_EXIST");
    }

    @Test
    void notFoundWithoutDatabricksErrorMeansNotAWorkspace() {
        server.enqueue(new MockResponse.Builder().code(404).body("Not Found").build());
        DatabricksException e = thrown(() -> client.listGitCredentials(null));
        assertThat(e.reason()).isEqualTo(Reason.NOT_A_DATABRICKS_WORKSPACE);
        assertThat(e.getMessage())
                .contains("does not look like a Databricks workspace")
                .contains("/api/2.0/git-credentials")
                .contains("address bar");
    }

    @Test
    void htmlPageMeansNotAWorkspace() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!DOCTYPE html><html><body>Welcome to our intranet</body></html>")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .addHeader("Content-Type", "text/html")
                .body("<html>Bad</html>")
                .build());
        assertThat(thrown(() -> client.listGitCredentials(null)).reason()).isEqualTo(Reason.NOT_A_DATABRICKS_WORKSPACE);
        assertThat(thrown(() -> client.listGitCredentials(null)).reason()).isEqualTo(Reason.NOT_A_DATABRICKS_WORKSPACE);
    }

    @Test
    void redirectIsNotFollowedAndNamesOnlyTheTargetHost() {
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", "https://login.example.com/sso?token=abc&next=/api")
                .build());
        DatabricksException e = thrown(() -> client.listGitCredentials(null));
        assertThat(e.reason()).isEqualTo(Reason.NOT_A_DATABRICKS_WORKSPACE);
        assertThat(e.getMessage())
                .contains("login.example.com")
                .doesNotContain("token=abc")
                .doesNotContain("/sso");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorIsNotRetried() {
        server.enqueue(json(500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}"));
        server.enqueue(json(200, "{}"));
        DatabricksException e = thrown(() -> client.listGitCredentials(null));
        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serverMessagesAreScrubbedOfSecrets() {
        server.enqueue(json(
                400,
                "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"bad token " + GIT_TOKEN + " for " + PAT
                        + "\"}"));
        DatabricksException e = thrown(() -> client.createGitCredential(spec(), null));
        assertThat(e.getMessage()).contains("bad token ****");
    }

    @Test
    void rateLimitIsRetriedHonouringRetryAfterSeconds() throws Exception {
        server.enqueue(json(429, "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"slow down\"}")
                .newBuilder()
                .addHeader("Retry-After", "7")
                .build());
        server.enqueue(json(200, "{}"));
        assertThat(client.listGitCredentials(null)).isEmpty();
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void unavailableIsRetriedHonouringRetryAfterDate() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                sleeper.now().plusSeconds(12).atOffset(ZoneOffset.UTC));
        server.enqueue(json(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"later\"}")
                .newBuilder()
                .addHeader("Retry-After", date)
                .build());
        server.enqueue(json(200, "{}"));
        assertThat(client.listGitCredentials(null)).isEmpty();
        // The HTTP date has whole seconds; the clock has sub-second precision.
        assertThat(sleeper.sleeps).singleElement().satisfies(d -> assertThat(d)
                .isBetween(Duration.ofSeconds(11), Duration.ofSeconds(12)));
    }

    @Test
    void theRetryListenerHearsOfEachRetryBeforeItsWait() throws Exception {
        List<RetryListener.Retry> heard = new ArrayList<>();
        List<Integer> waitsBefore = new ArrayList<>();
        RetryListener listener = retry -> {
            heard.add(retry);
            waitsBefore.add(sleeper.sleeps.size());
        };
        ClientSettings settings = ClientSettings.builder()
                .sleeper(sleeper)
                .retryListener(listener)
                .build();
        assertThat(settings.toBuilder().build().retryListener()).isSameAs(listener);
        client = client(settings);
        server.enqueue(json(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"later\"}")
                .newBuilder()
                .addHeader("Retry-After", "2")
                .build());
        server.enqueue(json(429, "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"x\"}"));
        server.enqueue(json(200, "{}"));

        assertThat(client.listGitCredentials(null)).isEmpty();

        assertThat(waitsBefore).as("told before each wait").containsExactly(0, 1);
        assertThat(heard).hasSize(2);
        assertThat(heard.get(0))
                .isEqualTo(new RetryListener.Retry(
                        "GET", "/api/2.0/git-credentials", 1, Duration.ofSeconds(2), "answered 503"));
        assertThat(heard.get(0)).hasToString("GET /api/2.0/git-credentials answered 503; retrying in 2000 ms");
        assertThat(heard.get(1))
                .isEqualTo(new RetryListener.Retry(
                        "GET", "/api/2.0/git-credentials", 2, sleeper.sleeps.get(1), "answered 429"));
        assertThat(heard)
                .allSatisfy(r -> assertThat(r.toString()).doesNotContain(PAT).doesNotContain(GIT_TOKEN));
    }

    @Test
    void noRetryIsAnnouncedWhenNoneIsMade() {
        List<RetryListener.Retry> heard = new ArrayList<>();
        client = client(ClientSettings.builder()
                .sleeper(sleeper)
                .maxAttempts(1)
                .retryListener(heard::add)
                .build());
        server.enqueue(json(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"later\"}"));

        assertThat(thrown(() -> client.listGitCredentials(null)).reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(heard).isEmpty();
    }

    @Test
    void aFailingRetryListenerDoesNotChangeTheCall() throws Exception {
        client = client(ClientSettings.builder()
                .sleeper(sleeper)
                .retryListener(retry -> {
                    throw new IllegalStateException("listener failed");
                })
                .build());
        server.enqueue(json(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"later\"}"));
        server.enqueue(json(200, "{}"));

        assertThat(client.listGitCredentials(null)).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndAttemptsAreBounded() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"later\"}"));
        }
        server.enqueue(json(200, "{}"));
        DatabricksException e = thrown(() -> client.listGitCredentials(null));
        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.getMessage()).contains("after 4 attempts");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(sleeper.sleeps).hasSize(3);
        assertThat(sleeper.sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeper.sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(sleeper.sleeps.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void maxAttemptsIsConfigurable() {
        client = client(ClientSettings.builder().sleeper(sleeper).maxAttempts(2).build());
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(429, "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"x\"}"));
        }
        assertThat(thrown(() -> client.listGitCredentials(null)).reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retryAfterBeyondTheTimeBudgetFailsAtOnce() {
        client = client(ClientSettings.builder()
                .sleeper(sleeper)
                .maxRetryTime(Duration.ofSeconds(30))
                .build());
        server.enqueue(json(429, "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"x\"}")
                .newBuilder()
                .addHeader("Retry-After", "3600")
                .build());
        DatabricksException e = thrown(() -> client.listGitCredentials(null));
        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.getMessage()).contains("wait 3600 s");
        assertThat(sleeper.sleeps).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void totalRetryTimeIsBounded() {
        client = client(ClientSettings.builder()
                .sleeper(sleeper)
                .maxAttempts(100)
                .maxRetryTime(Duration.ofSeconds(20))
                .build());
        for (int i = 0; i < 10; i++) {
            server.enqueue(json(429, "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"x\"}")
                    .newBuilder()
                    .addHeader("Retry-After", "6")
                    .build());
        }
        thrown(() -> client.listGitCredentials(null));
        assertThat(server.getRequestCount()).isEqualTo(4); // t=0, 6, 12, 18; 24 would exceed 20 s
        assertThat(sleeper.sleeps).hasSize(3);
    }

    @Test
    void postWhoseAnswerIsLostIsNotRepeated() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                .build());
        server.enqueue(json(200, "{\"credential_id\":1}"));
        DatabricksException e = thrown(() -> client.createGitCredential(spec(), null));
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.reason()).isEqualTo(Reason.CONNECTION_FAILED);
        assertThat(e.getMessage()).contains("may or may not have been applied");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void postAnsweredWithAnUnreadableBodyAsksForReconciliation() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"credential_id\": 12")
                .build());
        DatabricksException e = thrown(() -> client.createGitCredential(spec(), null));
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void readTimeoutOnPostIsATimeoutWithUnknownOutcome() {
        client = client(ClientSettings.builder()
                .sleeper(sleeper)
                .readTimeout(Duration.ofMillis(200))
                .build());
        server.enqueue(json(200, "{\"credential_id\":1}")
                .newBuilder()
                .headersDelay(2, java.util.concurrent.TimeUnit.SECONDS)
                .build());
        DatabricksException e = thrown(() -> client.createGitCredential(spec(), null));
        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.getMessage()).contains("did not answer in time").contains("read timeout 200 ms");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void callTimeoutBoundsTheWholeExchange() {
        client = client(ClientSettings.builder()
                .sleeper(sleeper)
                .callTimeout(Duration.ofMillis(300))
                .build());
        server.enqueue(json(200, "{}")
                .newBuilder()
                .bodyDelay(3, java.util.concurrent.TimeUnit.SECONDS)
                .build());
        DatabricksException e = thrown(() -> client.listGitCredentials(null));
        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    }
}
