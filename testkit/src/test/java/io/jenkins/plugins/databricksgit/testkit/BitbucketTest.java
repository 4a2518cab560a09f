package io.jenkins.plugins.databricksgit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BitbucketTest {
    private DatabricksEmulator emulator;
    private Http http;
    private String token;

    @BeforeEach
    void start() {
        emulator = DatabricksEmulator.start();
        http = new Http(emulator);
        token = emulator.addBitbucketRepositoryToken("acme", "data-pipelines", Set.of("repository"));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Http.Answer repository(String path, String bearer) throws IOException {
        Request.Builder b = new Request.Builder().url(emulator.bitbucketApiUrl() + path);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.raw(b.build());
    }

    @Test
    void validTokenSeesItsRepository() throws IOException {
        assertThat(token).startsWith("ATCTT3xFfGN0").hasSizeGreaterThan(40);

        Http.Answer answer = repository("/2.0/repositories/acme/data-pipelines", token);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("type").asText()).isEqualTo("repository");
        assertThat(answer.json().get("full_name").asText()).isEqualTo("acme/data-pipelines");
        assertThat(answer.json().get("slug").asText()).isEqualTo("data-pipelines");
        assertThat(answer.body()).doesNotContain(token);
        assertThat(emulator.requestCount(Endpoint.BITBUCKET_REPOSITORY)).isEqualTo(1);
    }

    @Test
    void basicXTokenAuthIsAcceptedToo() throws IOException {
        Request request = new Request.Builder()
                .url(emulator.bitbucketApiUrl() + "/2.0/repositories/acme/data-pipelines")
                .header("Authorization", Credentials.basic("x-token-auth", token))
                .build();
        assertThat(http.raw(request).status()).isEqualTo(200);
    }

    @Test
    void revokedOrUnknownTokenIs401() throws IOException {
        emulator.revokeBitbucketToken(token);

        for (String t : new String[] {token, "ATCTT3xFfGN0unknown"}) {
            Http.Answer answer = repository("/2.0/repositories/acme/data-pipelines", t);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().get("type").asText()).isEqualTo("error");
            assertThat(answer.json().get("error").get("message").asText())
                    .isEqualTo("Token is invalid, expired, or not supported for this endpoint.");
        }
    }

    @Test
    void tokenWithoutRepositoryReadScopeIs403() throws IOException {
        String pullRequestsOnly = emulator.addBitbucketRepositoryToken("acme", "data-pipelines", Set.of("pullrequest"));
        String write = emulator.addBitbucketRepositoryToken("acme", "data-pipelines", Set.of("repository:write"));

        Http.Answer answer = repository("/2.0/repositories/acme/data-pipelines", pullRequestsOnly);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("error").get("message").asText())
                .isEqualTo("Your credentials lack one or more required privilege scopes.");
        assertThat(repository("/2.0/repositories/acme/data-pipelines", write).status())
                .isEqualTo(200);
    }

    @Test
    void otherRepositoryOrNoTokenIs404() throws IOException {
        for (Http.Answer answer : new Http.Answer[] {
            repository("/2.0/repositories/acme/other", token),
            repository("/2.0/repositories/elsewhere/data-pipelines", token),
            repository("/2.0/repositories/acme/data-pipelines", null)
        }) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().get("error").get("message").asText())
                    .startsWith("You may not have access to this repository or it no longer exists in this workspace.");
        }
    }
}
