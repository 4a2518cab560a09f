package io.jenkins.plugins.databricksgit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final String PATH = "/api/2.0/git-credentials";
    private static final String CREATE =
            "{\"git_provider\":\"bitbucketCloud\",\"git_username\":\"x-token-auth\",\"personal_access_token\":\"t\"}";

    private DatabricksEmulator emulator;
    private Http http;
    private EmulatedPrincipal sp;
    private String token;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.start();
        http = new Http(emulator);
        sp = emulator.addServicePrincipal("ci-deployer");
        token = emulator.issuePat(sp);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void rateLimitedCarriesRetryAfterSecondsAndDoesNotApply() throws IOException {
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.rateLimited(7));

        Http.Answer limited = http.post(PATH, token, CREATE);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().get("Retry-After")).isEqualTo("7");
        assertThat(limited.json().get("error_code").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(emulator.gitCredentials(sp)).isEmpty();
        assertThat(http.post(PATH, token, CREATE).status()).isEqualTo(200);
    }

    @Test
    void rateLimitedUntilSendsAnHttpDate() throws IOException {
        Instant until = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        emulator.inject(Endpoint.GIT_CREDENTIALS_LIST, Fault.rateLimitedUntil(until));

        Http.Answer limited = http.get(PATH, token);

        assertThat(limited.status()).isEqualTo(429);
        String header = limited.headers().get("Retry-After");
        assertThat(header).endsWith(" GMT");
        assertThat(ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant())
                .isEqualTo(until);
    }

    @Test
    void statusFaultsUseTheDatabricksErrorShape() throws IOException {
        emulator.inject(Endpoint.SCIM_ME, Fault.status(503));
        emulator.inject(Endpoint.SCIM_ME, Fault.status(500));

        Http.Answer unavailable = http.get("/api/2.0/preview/scim/v2/Me", token);
        Http.Answer internal = http.get("/api/2.0/preview/scim/v2/Me", token);

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.json().get("error_code").asText()).isEqualTo("TEMPORARILY_UNAVAILABLE");
        assertThat(unavailable.json().get("details").get(0).get("request_id").asText())
                .isEqualTo(unavailable.headers().get("x-request-id"));
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.json().get("error_code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(http.get("/api/2.0/preview/scim/v2/Me", token).status()).isEqualTo(200);
    }

    @Test
    void timesAppliesTheFaultToThatManyRequestsOnly() throws IOException {
        emulator.inject(Endpoint.GIT_CREDENTIALS_LIST, Fault.status(503).times(3));

        assertThat(http.get(PATH, token).status()).isEqualTo(503);
        assertThat(http.get(PATH, token).status()).isEqualTo(503);
        assertThat(http.get(PATH, token).status()).isEqualTo(503);
        assertThat(http.get(PATH, token).status()).isEqualTo(200);
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_LIST)).isEqualTo(4);
    }

    @Test
    void faultsApplyOnlyToTheirEndpointAndCanBeCleared() throws IOException {
        emulator.inject(Endpoint.GIT_CREDENTIALS_DELETE, Fault.status(500).times(5));

        assertThat(http.get(PATH, token).status()).isEqualTo(200);
        emulator.clearFaults();
        assertThat(http.delete(PATH + "/1", token).status()).isEqualTo(404);
    }

    @Test
    void dropConnectionClosesWithoutAnswerAndWithoutApplying() {
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.dropConnection());

        assertThatThrownBy(() -> http.post(PATH, token, CREATE)).isInstanceOf(IOException.class);

        assertThat(emulator.gitCredentials(sp)).isEmpty();
        assertThat(emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(1);
    }

    @Test
    void dropConnectionAfterApplyingLeavesTheCreatedCredential() throws IOException {
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.dropConnectionAfterApplying());

        assertThatThrownBy(() -> http.post(PATH, token, CREATE)).isInstanceOf(IOException.class);

        assertThat(emulator.gitCredentials(sp)).hasSize(1);
        assertThat(http.post(PATH, token, CREATE).status()).isEqualTo(409);
    }

    @Test
    void malformedBodyIsA200ThatIsNotJsonAndNotApplied() throws IOException {
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.malformedBody());

        Http.Answer answer = http.post(PATH, token, CREATE);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("Content-Type")).startsWith("application/json");
        assertThatThrownBy(answer::json).isInstanceOf(RuntimeException.class);
        assertThat(emulator.gitCredentials(sp)).isEmpty();
    }

    @Test
    void htmlFaultLooksLikeANonDatabricksHost() throws IOException {
        emulator.inject(Endpoint.SCIM_ME, Fault.html(404));
        emulator.inject(Endpoint.BITBUCKET_REPOSITORY, Fault.html(502));

        Http.Answer page = http.get("/api/2.0/preview/scim/v2/Me", token);
        Http.Answer proxy = http.get("/bitbucket/2.0/repositories/a/b", null);

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.headers().get("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<html");
        assertThat(proxy.status()).isEqualTo(502);
        assertThat(proxy.body()).contains("<html");
    }

    @Test
    void latencyDelaysTheAnswerButAppliesTheRequest() throws IOException {
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.latency(Duration.ofMillis(800)));
        OkHttpClient impatient =
                http.client().newBuilder().readTimeout(Duration.ofMillis(150)).build();
        Request request = new Request.Builder()
                .url(emulator.url() + PATH)
                .header("Authorization", "Bearer " + token)
                .post(okhttp3.RequestBody.create(CREATE, okhttp3.MediaType.get("application/json")))
                .build();

        assertThatThrownBy(() -> impatient.newCall(request).execute().close())
                .isInstanceOf(InterruptedIOException.class);
        assertThat(emulator.gitCredentials(sp)).hasSize(1);

        emulator.inject(Endpoint.GIT_CREDENTIALS_LIST, Fault.latency(Duration.ofMillis(300)));
        long start = System.nanoTime();
        Http.Answer slow = http.get(PATH, token);
        assertThat(slow.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void invalidAccessTokenRefusesAValidTokenOnceWithoutApplying() throws IOException {
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.invalidAccessToken());

        Http.Answer refused = http.post(PATH, token, CREATE);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).isEqualTo("Invalid access token.");
        assertThat(refused.headers().get("X-Databricks-Reason-Phrase")).isEqualTo("Invalid access token.");
        assertThat(emulator.gitCredentials(sp)).isEmpty();
        assertThat(http.post(PATH, token, CREATE).status()).isEqualTo(200);
    }

    @Test
    void countsEveryMatchedRequestAndResets() throws IOException {
        http.get(PATH, token);
        http.get(PATH, null);
        http.post(PATH, token, CREATE);
        http.get("/bitbucket/2.0/repositories/a/b", null);
        http.get("/nothing/here", token);

        Map<Endpoint, Integer> counts = emulator.requestCounts();
        assertThat(counts).hasSize(Endpoint.values().length);
        assertThat(counts.get(Endpoint.GIT_CREDENTIALS_LIST)).isEqualTo(2);
        assertThat(counts.get(Endpoint.GIT_CREDENTIALS_CREATE)).isEqualTo(1);
        assertThat(counts.get(Endpoint.BITBUCKET_REPOSITORY)).isEqualTo(1);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);

        emulator.resetCounts();
        assertThat(emulator.requestCounts().values()).allMatch(c -> c == 0);
    }

    @Test
    void faultFactoriesRejectNonsense() {
        assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.dropConnection().times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Fault.rateLimited(3).times(2).count()).isEqualTo(2);
        assertThat(Fault.rateLimited(3).times(2)).hasToString("Fault[429, Retry-After 3 s x2]");
    }

    @Test
    void accessLogShowsMethodPathAndStatusButNoSecrets() throws IOException {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        emulator.setAccessLog(lines::add);
        String bitbucketToken = emulator.addBitbucketRepositoryToken("a", "b", Set.of("repository"));

        http.post(PATH, token, CREATE);
        http.get("/bitbucket/2.0/repositories/a/b", bitbucketToken);

        assertThat(lines)
                .containsExactly("POST /api/2.0/git-credentials -> 200", "GET /bitbucket/2.0/repositories/a/b -> 200");
        assertThat(String.join("\n", lines)).doesNotContain(token).doesNotContain(bitbucketToken);
    }

    @Test
    void rateLimitedSendsAnyRetryAfterValueAsGiven() throws IOException {
        emulator.inject(Endpoint.GIT_CREDENTIALS_LIST, Fault.rateLimited("9223372036854775807"));

        Http.Answer limited = http.get(PATH, token);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().get("Retry-After")).isEqualTo("9223372036854775807");
        assertThatThrownBy(() -> Fault.rateLimited("1\r\nX-Injected: 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void injectAnyHitsTheNextRequestToAnyOfTheEndpointsOnce() throws IOException {
        emulator.injectAny(Set.of(Endpoint.GIT_CREDENTIALS_CREATE, Endpoint.GIT_CREDENTIALS_DELETE), Fault.status(500));

        assertThat(http.get(PATH, token).status()).as("not one of them").isEqualTo(200);
        assertThat(http.post(PATH, token, CREATE).status()).isEqualTo(500);
        assertThat(emulator.gitCredentials(sp)).isEmpty();
        assertThat(http.post(PATH, token, CREATE).status()).as("played once").isEqualTo(200);
    }

    @Test
    void stallHoldsTheRequestWithoutApplyingIt() {
        emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.stall(Duration.ofSeconds(5)));
        OkHttpClient impatient = new OkHttpClient.Builder()
                .readTimeout(Duration.ofMillis(300))
                .retryOnConnectionFailure(false)
                .build();

        assertThatThrownBy(() -> new Http(emulator, impatient).post(PATH, token, CREATE))
                .isInstanceOf(InterruptedIOException.class);
        assertThat(emulator.gitCredentials(sp)).isEmpty();
    }

    @Test
    void latencyDelaysEveryAnswer() throws IOException {
        emulator.setLatency(Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThat(http.get(PATH, token).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        emulator.setLatency(Duration.ZERO);
    }
}
