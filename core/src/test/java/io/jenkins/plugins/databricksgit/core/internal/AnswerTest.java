package io.jenkins.plugins.databricksgit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import org.junit.jupiter.api.Test;

class AnswerTest {
    private static final String ACCESS_TOKEN = "dapi-canary-oauth-access-token-5d1f";

    @Test
    void toStringLeavesOutTheBodyThatCarriesTheAccessToken() {
        ApiCaller.Answer answer = new ApiCaller.Answer(
                "POST",
                HttpUrl.get("https://adb-1.azuredatabricks.net/oidc/v1/token?x=" + ACCESS_TOKEN),
                200,
                Headers.of("X-Echo", ACCESS_TOKEN),
                MediaType.get("application/json"),
                "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
                2);

        assertThat(answer.toString())
                .doesNotContain(ACCESS_TOKEN)
                .isEqualTo("Answer[POST /oidc/v1/token -> HTTP 200, 2 attempts]");
        assertThat(String.valueOf(answer)).doesNotContain(ACCESS_TOKEN);
    }
}
