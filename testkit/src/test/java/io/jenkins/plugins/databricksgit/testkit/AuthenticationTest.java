package io.jenkins.plugins.databricksgit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
    private static final String ME = "/api/2.0/preview/scim/v2/Me";
    private static final String TOKEN = "/oidc/v1/token";

    private DatabricksEmulator emulator;
    private Http http;
    private EmulatedPrincipal sp;
    private OAuthClient client;

    @BeforeEach
    void start() {
        startWith(DatabricksEmulator.start());
    }

    private void startWith(DatabricksEmulator started) {
        emulator = started;
        http = new Http(emulator);
        sp = emulator.addServicePrincipal("ci-deployer");
        client = emulator.issueOAuthSecret(sp);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static FormBody clientCredentials() {
        return new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("scope", "all-apis")
                .build();
    }

    private String fetchToken() throws IOException {
        Http.Answer answer =
                http.form(TOKEN, Credentials.basic(client.clientId(), client.clientSecret()), clientCredentials());
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("access_token").asText();
    }

    @Test
    void missingOrUnsupportedAuthorizationIs401WithRequestIdInMessage() throws IOException {
        for (Request request : new Request[] {
            new Request.Builder().url(emulator.url() + ME).build(),
            new Request.Builder()
                    .url(emulator.url() + ME)
                    .header("Authorization", Credentials.basic("token", "x"))
                    .build(),
            new Request.Builder()
                    .url(emulator.url() + ME)
                    .header("Authorization", "Bearer ")
                    .build()
        }) {
            Http.Answer answer = http.raw(request);
            assertThat(answer.status()).isEqualTo(401);
            JsonNode json = answer.json();
            assertThat(json.get("error_code").isInt()).isTrue();
            assertThat(json.get("error_code").asInt()).isEqualTo(401);
            assertThat(json.get("message").asText())
                    .isEqualTo("Credential was not sent or was of an unsupported type for this API. [ReqId: "
                            + answer.headers().get("x-request-id") + "]");
        }
    }

    @Test
    void unknownAndRevokedPatsAre403InvalidAccessToken() throws IOException {
        String pat = emulator.issuePat(sp);
        assertThat(pat).matches("dapi[0-9a-f]{32}");
        assertThat(http.get(ME, pat).status()).isEqualTo(200);

        emulator.revokePat(pat);

        for (String token : new String[] {pat, "dapi00000000000000000000000000000000"}) {
            Http.Answer answer = http.get(ME, token);
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().get("error_code").asInt()).isEqualTo(403);
            assertThat(answer.json().get("message").asText()).isEqualTo("Invalid access token.");
            assertThat(answer.headers().get("X-Databricks-Reason-Phrase")).isEqualTo("Invalid access token.");
            assertThat(answer.json().get("details").get(0).get("request_id").asText())
                    .isEqualTo(answer.headers().get("x-request-id"));
        }
    }

    @Test
    void hostMetadataPointsTheSdksAtTheOidcRoot() throws IOException {
        Http.Answer answer = http.get("/.well-known/databricks-config", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("oidc_endpoint").asText()).isEqualTo(emulator.url() + "/oidc");
        assertThat(answer.json().get("workspace_id").asText()).matches("\\d{13,16}");
        assertThat(answer.json().get("account_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(answer.json().get("cloud").asText()).isEqualTo("aws");
        assertThat(http.get(
                                answer.json()
                                                .get("oidc_endpoint")
                                                .asText()
                                                .substring(emulator.url().length())
                                        + "/.well-known/oauth-authorization-server",
                                null)
                        .status())
                .as("the discovery document the SDK derives from it")
                .isEqualTo(200);
        assertThat(emulator.requestCount(Endpoint.HOST_METADATA)).isEqualTo(1);
    }

    @Test
    void discoveryPointsAtTheTokenEndpoint() throws IOException {
        Http.Answer answer = http.get("/oidc/.well-known/oauth-authorization-server", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("token_endpoint").asText()).isEqualTo(emulator.url() + TOKEN);
        assertThat(emulator.requestCount(Endpoint.OAUTH_DISCOVERY)).isEqualTo(1);
    }

    @Test
    void clientCredentialsInBasicHeaderGiveAWorkingBearerToken() throws IOException {
        Http.Answer answer =
                http.form(TOKEN, Credentials.basic(client.clientId(), client.clientSecret()), clientCredentials());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(json.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(json.get("scope").asText()).isEqualTo("all-apis");
        String token = json.get("access_token").asText();
        JsonNode me = http.get(ME, token).json();
        assertThat(me.get("userName").asText()).isEqualTo(sp.applicationId());
        assertThat(me.get("id").asText()).isEqualTo(Long.toString(sp.id()));
        assertThat(client.toString()).doesNotContain(client.clientSecret());
    }

    @Test
    void clientCredentialsAlsoAcceptedInBodyAndFormEncodedInBasic() throws IOException {
        FormBody body = new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("scope", "all-apis")
                .add("client_id", client.clientId())
                .add("client_secret", client.clientSecret())
                .build();
        assertThat(http.form(TOKEN, null, body).status()).isEqualTo(200);

        String encoded = URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8);
        String basic = "Basic " + Base64.getEncoder().encodeToString(encoded.getBytes(StandardCharsets.UTF_8));
        assertThat(http.form(TOKEN, basic, clientCredentials()).status()).isEqualTo(200);
    }

    @Test
    void wrongSecretUnknownClientAndBadGrantAreRefused() throws IOException {
        Http.Answer wrong = http.form(TOKEN, Credentials.basic(client.clientId(), "dose-wrong"), clientCredentials());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_client");

        assertThat(http.form(TOKEN, Credentials.basic("unknown", client.clientSecret()), clientCredentials())
                        .status())
                .isEqualTo(401);
        assertThat(http.form(TOKEN, null, clientCredentials()).status()).isEqualTo(401);

        FormBody password = new FormBody.Builder().add("grant_type", "password").build();
        Http.Answer grant = http.form(TOKEN, Credentials.basic(client.clientId(), client.clientSecret()), password);
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void oauthTokensExpireAfterTheConfiguredLifetime() throws Exception {
        MutableClock clock = new MutableClock();
        emulator.close();
        startWith(DatabricksEmulator.start(clock));
        emulator.setOAuthTokenLifetime(Duration.ofSeconds(1));
        String token = fetchToken();
        clock.advance(Duration.ofMillis(999));
        assertThat(http.get(ME, token).status()).isEqualTo(200);

        clock.advance(Duration.ofMillis(1));

        Http.Answer expired = http.get(ME, token);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.json().get("message").asText()).isEqualTo("Invalid access token.");
        assertThat(http.get(ME, fetchToken()).status()).isEqualTo(200);
    }

    @Test
    void expireAllOAuthTokensInvalidatesIssuedTokensOnly() throws IOException {
        String token = fetchToken();
        String pat = emulator.issuePat(sp);

        emulator.expireAllOAuthTokens();

        assertThat(http.get(ME, token).status()).isEqualTo(403);
        assertThat(http.get(ME, pat).status()).isEqualTo(200);
        assertThat(http.get(ME, fetchToken()).status()).isEqualTo(200);
    }

    @Test
    void oauthSecretsExistOnlyForServicePrincipals() {
        EmulatedPrincipal user = emulator.addUser("u@example.com", "U");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> emulator.issueOAuthSecret(user))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
