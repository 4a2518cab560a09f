package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes over the wire for each call, checked against a scripted server. */
class DatabricksClientRequestsTest {
    static final String PAT = "dapi-requests-test-0123456789";
    static final String GIT_TOKEN = "ATCTT3xFfGN0requests-test-token";
    static final ObjectMapper JSON = new ObjectMapper();

    MockWebServer server;
    DatabricksClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new DatabricksClient(
                WorkspaceUrl.parse(server.url("/").toString()),
                DatabricksAuth.bearerToken(SecretValue.of(PAT)),
                ClientSettings.builder().sleeper(new FakeSleeper()).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    GitCredentialSpec spec() {
        return new GitCredentialSpec("bitbucketCloud", "x-token-auth", SecretValue.of(GIT_TOKEN), null, null);
    }

    @Test
    void listWithoutPrincipalSendsNoPrincipalId() throws Exception {
        server.enqueue(json(
                200,
                "{\"credentials\":[{\"credential_id\":93488329053511,\"git_provider\":\"bitbucketCloud\","
                        + "\"git_username\":\"x-token-auth\",\"name\":\"ci\"}]}"));
        assertThat(client.listGitCredentials(null))
                .containsExactly(new GitCredential(93488329053511L, "bitbucketCloud", "x-token-auth", null, "ci"));
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/2.0/git-credentials");
        assertThat(r.getUrl().queryParameterNames()).isEmpty();
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + PAT);
        assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(r.getHeaders().get("User-Agent")).matches("databricks-git-credential/[^ ]+");
    }

    @Test
    void listAcceptsMissingOrEmptyCredentials() throws Exception {
        server.enqueue(json(200, "{}"));
        server.enqueue(json(200, "{\"credentials\":[]}"));
        assertThat(client.listGitCredentials(8573549053511L)).isEmpty();
        assertThat(client.listGitCredentials(8573549053511L)).isEmpty();
        assertThat(server.takeRequest().getUrl().queryParameter("principal_id")).isEqualTo("8573549053511");
    }

    @Test
    void principalIdGoesInTheQueryForGetAndDelete() throws Exception {
        server.enqueue(json(200, "{\"credential_id\":5,\"git_provider\":\"bitbucketCloud\"}"));
        server.enqueue(json(200, "{}"));
        assertThat(client.getGitCredential(5, 77L).id()).isEqualTo(5);
        client.deleteGitCredential(5, 77L);
        RecordedRequest get = server.takeRequest();
        assertThat(get.getUrl().encodedPath()).isEqualTo("/api/2.0/git-credentials/5");
        assertThat(get.getUrl().queryParameter("principal_id")).isEqualTo("77");
        RecordedRequest delete = server.takeRequest();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getUrl().encodedPath()).isEqualTo("/api/2.0/git-credentials/5");
        assertThat(delete.getUrl().queryParameter("principal_id")).isEqualTo("77");
    }

    @Test
    void deleteWithoutPrincipalSendsNoQuery() throws Exception {
        server.enqueue(json(200, "{}"));
        client.deleteGitCredential(5, null);
        assertThat(server.takeRequest().getUrl().query()).isNull();
    }

    @Test
    void principalIdGoesInTheBodyForCreateAndUpdate() throws Exception {
        server.enqueue(json(
                200, "{\"credential_id\":42,\"git_provider\":\"bitbucketCloud\",\"git_username\":\"x-token-auth\"}"));
        server.enqueue(json(200, "{}"));
        GitCredentialSpec spec = new GitCredentialSpec(
                "bitbucketCloud", "x-token-auth", SecretValue.of(GIT_TOKEN), "ci@example.com", "ci");
        assertThat(client.createGitCredential(spec, 77L).id()).isEqualTo(42);
        client.updateGitCredential(42, spec, 77L);

        RecordedRequest create = server.takeRequest();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getUrl().encodedPath()).isEqualTo("/api/2.0/git-credentials");
        assertThat(create.getUrl().query()).isNull();
        assertThat(create.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(create.getBody().utf8());
        assertThat(body.get("principal_id").asLong()).isEqualTo(77);
        assertThat(body.get("principal_id").isIntegralNumber()).isTrue();
        assertThat(body.get("git_provider").asText()).isEqualTo("bitbucketCloud");
        assertThat(body.get("git_username").asText()).isEqualTo("x-token-auth");
        assertThat(body.get("personal_access_token").asText()).isEqualTo(GIT_TOKEN);
        assertThat(body.get("git_email").asText()).isEqualTo("ci@example.com");
        assertThat(body.get("name").asText()).isEqualTo("ci");

        RecordedRequest update = server.takeRequest();
        assertThat(update.getMethod()).isEqualTo("PATCH");
        assertThat(update.getUrl().encodedPath()).isEqualTo("/api/2.0/git-credentials/42");
        assertThat(update.getUrl().query()).isNull();
        assertThat(JSON.readTree(update.getBody().utf8()).get("principal_id").asLong())
                .isEqualTo(77);
    }

    @Test
    void createWithoutPrincipalOmitsTheFieldAndOptionalFields() throws Exception {
        server.enqueue(json(200, "{\"credential_id\":42}"));
        client.createGitCredential(spec(), null);
        JsonNode body = JSON.readTree(server.takeRequest().getBody().utf8());
        assertThat(body.has("principal_id")).isFalse();
        assertThat(body.has("git_email")).isFalse();
        assertThat(body.has("name")).isFalse();
    }

    @Test
    void rejectsNonPositivePrincipalIds() {
        assertThatThrownBy(() -> client.listGitCredentials(0L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.deleteGitCredential(1, -5L)).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void resolvesServicePrincipalByApplicationId() throws Exception {
        String appId = "6f1d2c3b-1111-4a5b-8c9d-0123456789ab";
        server.enqueue(json(
                200,
                "{\"totalResults\":1,\"Resources\":[{\"id\":\"8573549053511\",\"applicationId\":\"" + appId
                        + "\",\"displayName\":\"ci-bot\"}]}"));
        assertThat(client.resolveServicePrincipal(appId))
                .isEqualTo(new Principal(8573549053511L, appId, "ci-bot", true));
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/2.0/preview/scim/v2/ServicePrincipals");
        assertThat(r.getUrl().queryParameter("filter")).isEqualTo("applicationId eq \"" + appId + "\"");
    }

    @Test
    void unknownApplicationIdIsNotFound() {
        server.enqueue(json(200, "{\"totalResults\":0}"));
        assertThatThrownBy(() -> client.resolveServicePrincipal("6f1d2c3b-1111-4a5b-8c9d-0123456789ab"))
                .isInstanceOfSatisfying(DatabricksException.class, e -> assertThat(e.reason())
                        .isEqualTo(DatabricksException.Reason.NOT_FOUND))
                .hasMessageContaining("no service principal with application id");
    }

    @Test
    void resolvesServicePrincipalByNumericId() throws Exception {
        server.enqueue(json(200, "{\"id\":\"8573549053511\",\"applicationId\":\"abc\",\"displayName\":\"ci-bot\"}"));
        assertThat(client.resolveServicePrincipal(" 8573549053511 ").id()).isEqualTo(8573549053511L);
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/api/2.0/preview/scim/v2/ServicePrincipals/8573549053511");
    }

    @Test
    void unknownNumericIdIsNotFound() {
        server.enqueue(json(
                404,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"ServicePrincipal"
                        + " with id 1 not found.\",\"status\":\"404\"}"));
        assertThatThrownBy(() -> client.resolveServicePrincipal("1"))
                .isInstanceOfSatisfying(DatabricksException.class, e -> assertThat(e.reason())
                        .isEqualTo(DatabricksException.Reason.NOT_FOUND))
                .hasMessageContaining("no service principal with id 1");
    }

    @Test
    void anythingElseIsNotAServicePrincipalReference() {
        for (String bad : new String[] {"ci-bot", "", "12ab", "dapi0123456789secret", "6f1d2c3b-1111"}) {
            assertThatThrownBy(() -> client.resolveServicePrincipal(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("application id")
                    .hasMessageContaining("numeric id")
                    .satisfies(e -> {
                        if (!bad.isEmpty()) {
                            assertThat(e.getMessage()).doesNotContain(bad);
                        }
                    });
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void meOfAServicePrincipal() throws Exception {
        String appId = "6f1d2c3b-1111-4a5b-8c9d-0123456789ab";
        server.enqueue(json(200, "{\"id\":\"123\",\"userName\":\"" + appId + "\",\"displayName\":\"ci-bot\"}"));
        assertThat(client.me()).isEqualTo(new Principal(123, appId, "ci-bot", true));
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/2.0/preview/scim/v2/Me");
    }

    @Test
    void meOfAUser() throws Exception {
        server.enqueue(json(200, "{\"id\":\"124\",\"userName\":\"jo@example.com\",\"displayName\":\"Jo\"}"));
        assertThat(client.me()).isEqualTo(new Principal(124, null, "Jo", false));
    }

    @Test
    void toStringNamesNoSecret() {
        assertThat(client.toString()).doesNotContain(PAT).contains("personal access token");
    }
}
