package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.core.internal.Redactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every form a secret takes on the wire is scrubbed, each one checked on its own. */
class SecretFormsTest {
    private static final String SECRET = "dose/Secret+Value=1 é\"";
    private static final String CLIENT_ID = "6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f";

    private static final Redactor REDACTOR = new Redactor(List.of()).plusBasic(CLIENT_ID, SecretValue.of(SECRET));

    private static void assertScrubbed(String form) {
        String text = "server said: [" + form + "] (end)";
        assertThat(REDACTOR.scrub(text)).as(form).isEqualTo("server said: [****] (end)");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void asIs() {
        assertScrubbed(SECRET);
    }

    @Test
    void urlEncodedInEveryCommonSpelling() {
        String form = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        assertScrubbed(form);
        assertScrubbed(form.replace("+", "%20"));
        assertScrubbed(form.replace("%2F", "%2f")
                .replace("%2B", "%2b")
                .replace("%3D", "%3d")
                .replace("%C3%A9", "%c3%a9")
                .replace("%22", "%22"));
    }

    @Test
    void jsonEscaped() {
        assertScrubbed("dose/Secret+Value=1 é\\\"");
        assertScrubbed("dose\\/Secret+Value=1 é\\\"");
        assertScrubbed("dose/Secret+Value=1 \\u00e9\\\"");
        assertScrubbed("dose\\/Secret+Value=1 \\u00E9\\\"");
    }

    @Test
    void base64AloneAndAsTheBasicHeaderWithAndWithoutPadding() {
        String basic = b64(CLIENT_ID + ":" + SECRET);
        assertThat(REDACTOR.scrub("Authorization: Basic " + basic))
                .isEqualTo(
                        "Authorization: Basic ****" + (basic.endsWith("==") ? "==" : basic.endsWith("=") ? "=" : ""));
        assertThat(REDACTOR.scrub("Basic " + basic)).doesNotContain(basic.replace("=", ""));
        assertThat(REDACTOR.scrub(b64(SECRET))).doesNotContain(b64(SECRET).replace("=", ""));
        String urlSafe = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertScrubbed(urlSafe);
    }

    @Test
    void theBitbucketTokenAsGitSendsIt() {
        String token = "ATCTT3xFfGN0abcdef0123456789";
        Redactor r = new Redactor(List.of()).plusBasic("x-token-auth", SecretValue.of(token));

        assertThat(r.scrub("Basic " + b64("x-token-auth:" + token))).isEqualTo("Basic ****");
    }

    @Test
    void liveSecretsAreReadWhenTextIsScrubbed() {
        List<SecretValue> issued = new java.util.ArrayList<>();
        Redactor r = new Redactor(List.of()).plusLive(() -> issued);
        issued.add(SecretValue.of("eyJ-access-token-1"));

        assertThat(r.scrub("Bearer eyJ-access-token-1")).isEqualTo("Bearer ****");
    }

    @Test
    void shortSecretsAndOtherTextAreLeftAlone() {
        assertThat(SecretForms.of("abc", List.of("user"))).isEmpty();
        assertThat(new Redactor(List.of(SecretValue.of("abc"))).scrub("abcabc")).isEqualTo("abcabc");
        assertThat(REDACTOR.scrub("nothing secret here")).isEqualTo("nothing secret here");
        assertThat(REDACTOR.scrub(null)).isNull();
    }

    @Test
    void formsAreLongestFirstWithoutDuplicates() {
        List<String> forms = SecretForms.of("plainsecret", List.of());
        assertThat(forms).doesNotHaveDuplicates().contains("plainsecret");
        for (int i = 1; i < forms.size(); i++) {
            assertThat(forms.get(i - 1).length())
                    .isGreaterThanOrEqualTo(forms.get(i).length());
        }
    }
}
