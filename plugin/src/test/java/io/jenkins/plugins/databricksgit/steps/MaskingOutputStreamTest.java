package io.jenkins.plugins.databricksgit.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
    void masksTheJsonEscapedAndBase64Forms() throws IOException {
        String json = TOKEN.replace("/", "\\/");
        String b64 = Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
        assertThat(through("{\"token\":\"" + json + "\"} " + b64 + "\n")).isEqualTo("{\"token\":\"****\"} ****\n");
    }

    @Test
    void aPromptWithoutNewlineAppearsAfterAFlush() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MaskingOutputStream masking = new MaskingOutputStream(out, TOKEN, StandardCharsets.UTF_8);

        masking.write("Continue? [y/N] ".getBytes(StandardCharsets.UTF_8));
        masking.flush();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Continue? [y/N] ");
    }

    @Test
    void aHundredMegabytesWithoutNewlinePassThroughWithBoundedMemory() throws IOException {
        long[] received = {0};
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                received[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                received[0] += len;
            }
        };
        byte[] progress = new byte[1 << 20];
        byte[] frame = ("\r[=====>    ] 42% " + TOKEN.substring(0, 12)).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < progress.length; i++) {
            progress[i] = frame[i % frame.length];
        }
        MaskingOutputStream masking = new MaskingOutputStream(sink, TOKEN, StandardCharsets.UTF_8);
        long written = 0;
        for (int i = 0; i < 100; i++) {
            masking.write(progress);
            written += progress.length;
            assertThat(masking.held()).isLessThanOrEqualTo(masking.maxHeld());
            assertThat(received[0]).isGreaterThanOrEqualTo(written - masking.maxHeld());
        }
        assertThat(masking.maxHeld()).isLessThan(128);
        masking.close();
        assertThat(received[0]).isEqualTo(written);
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
