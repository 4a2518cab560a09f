package io.jenkins.plugins.databricksgit.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MaskingOutputStreamTest {
    private static final String TOKEN = "ATCTT3xFfGN0x/y+z=Secret123";

    private static String through(String... writes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MaskingOutputStream masking = new MaskingOutputStream(out, TOKEN, StandardCharsets.UTF_8)) {
            for (String w : writes) {
                masking.write(w.getBytes(StandardCharsets.UTF_8));
                masking.flush();
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void masksTheTokenEvenWhenWrittenInPieces() throws IOException {
        assertThat(through("token is " + TOKEN.substring(0, 5), TOKEN.substring(5) + " ok\nnext\n"))
                .isEqualTo("token is **** ok\nnext\n");
    }

    @Test
    void masksEncodedForms() throws IOException {
        String basic = Base64.getEncoder().encodeToString(("x-token-auth:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        String url = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
        assertThat(through("Authorization: Basic " + basic + "\n", "https://x-token-auth:" + url + "@bitbucket.org\n"))
                .isEqualTo("Authorization: Basic ****\nhttps://x-token-auth:****@bitbucket.org\n");
    }

    @Test
    void aLastLineWithoutNewlineIsMaskedOnClose() throws IOException {
        assertThat(through("echo " + TOKEN)).isEqualTo("echo ****");
    }

    @Test
    void otherOutputPassesUnchanged() throws IOException {
        assertThat(through("héllo wörld\n", "\n")).isEqualTo("héllo wörld\n\n");
    }
}
