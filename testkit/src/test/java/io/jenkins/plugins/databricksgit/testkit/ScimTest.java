package io.jenkins.plugins.databricksgit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScimTest {
    private static final String SPS = "/api/2.0/preview/scim/v2/ServicePrincipals";

    private DatabricksEmulator emulator;
    private Http http;
    private EmulatedPrincipal sp;
    private EmulatedPrincipal user;
    private String userToken;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.start();
        http = new Http(emulator);
        sp = emulator.addServicePrincipal(8573549053511L, "6e5f4a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "ci-deployer");
        emulator.addServicePrincipal("other");
        user = emulator.addUser("alice@example.com", "Alice");
        userToken = emulator.issuePat(user);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static String filter(String expression) {
        return SPS + "?filter=" + URLEncoder.encode(expression, StandardCharsets.UTF_8);
    }

    @Test
    void meDescribesUsersAndServicePrincipals() throws IOException {
        JsonNode me = http.get("/api/2.0/preview/scim/v2/Me", userToken).json();
        assertThat(me.get("userName").asText()).isEqualTo("alice@example.com");
        assertThat(me.get("displayName").asText()).isEqualTo("Alice");
        assertThat(me.get("id").isTextual()).isTrue();
        assertThat(me.get("id").asText()).isEqualTo(Long.toString(user.id()));
        assertThat(me.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");

        JsonNode spMe =
                http.get("/api/2.0/preview/scim/v2/Me", emulator.issuePat(sp)).json();
        assertThat(spMe.get("userName").asText()).isEqualTo(sp.applicationId());
        assertThat(spMe.get("id").asText()).isEqualTo("8573549053511");
        assertThat(spMe.get("displayName").asText()).isEqualTo("ci-deployer");
    }

    @Test
    void filtersByApplicationIdOrIdWithEitherQuote() throws IOException {
        for (String expression : new String[] {
            "applicationId eq \"" + sp.applicationId() + "\"",
            "applicationId eq '" + sp.applicationId().toUpperCase() + "'",
            "id eq \"8573549053511\"",
            "id eq '8573549053511'"
        }) {
            Http.Answer answer = http.get(filter(expression), userToken);
            assertThat(answer.status()).as(expression).isEqualTo(200);
            JsonNode json = answer.json();
            assertThat(json.get("totalResults").asInt()).isEqualTo(1);
            JsonNode resource = json.get("Resources").get(0);
            assertThat(resource.get("id").asText()).isEqualTo("8573549053511");
            assertThat(resource.get("applicationId").asText()).isEqualTo(sp.applicationId());
            assertThat(resource.get("displayName").asText()).isEqualTo("ci-deployer");
        }
    }

    @Test
    void noMatchListsNothingAndUsersAreNotServicePrincipals() throws IOException {
        JsonNode none = http.get(filter("applicationId eq \"00000000-0000-0000-0000-000000000000\""), userToken)
                .json();
        assertThat(none.get("totalResults").asInt()).isZero();
        assertThat(none.has("Resources")).isFalse();

        assertThat(http.get(filter("id eq \"" + user.id() + "\""), userToken)
                        .json()
                        .get("totalResults")
                        .asInt())
                .isZero();
        assertThat(http.get(SPS, userToken).json().get("totalResults").asInt()).isEqualTo(2);
        assertThat(http.get(filter("userName sw \"x\""), userToken).status()).isEqualTo(400);
    }

    @Test
    void getByIdAndScimNotFound() throws IOException {
        Http.Answer found = http.get(SPS + "/8573549053511", userToken);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("applicationId").asText()).isEqualTo(sp.applicationId());

        Http.Answer missing = http.get(SPS + "/999", userToken);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("status").asText()).isEqualTo("404");
        assertThat(missing.json().get("detail").asText()).isNotBlank();
        assertThat(missing.json().get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(http.get(SPS + "/" + user.id(), userToken).status()).isEqualTo(404);
        assertThat(emulator.requestCount(Endpoint.SCIM_SERVICE_PRINCIPAL)).isEqualTo(3);
    }

    @Test
    void scimNeedsAuthentication() throws IOException {
        assertThat(http.get(SPS, null).status()).isEqualTo(401);
        assertThat(http.get(SPS + "/8573549053511", "dapi-nope").status()).isEqualTo(403);
    }
}
