package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactingOutputStreamTest {
    private static final String TOKEN = "ATCTT3xFfGN0x/y+z=Secret123";
    private static final List<String> FORMS = SecretForms.of(TOKEN, List.of("x-token-auth"));

    /** Counts what reaches it, keeps nothing. */
    private static final class Counting extends OutputStream {
        long bytes;
        int flushes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    private static String through(String... writes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RedactingOutputStream r = new RedactingOutputStream(out, FORMS, StandardCharsets.UTF_8)) {
            for (String w : writes) {
                r.write(w.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void masksEveryFormEvenWhenSplitAcrossWrites() throws IOException {
        String basic = Base64.getEncoder().encodeToString(("x-token-auth:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        String text = "a " + TOKEN + " b " + basic + " c " + java.net.URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)
                + " d \"" + TOKEN.replace("/", "\\/") + "\" e";
        String expected = "a **** b **** c **** d \"****\" e";
        assertThat(through(text)).isEqualTo(expected);
        for (int split = 1; split < text.length(); split++) {
            assertThat(through(text.substring(0, split), text.substring(split)))
                    .as("split at %d", split)
                    .isEqualTo(expected);
        }
        StringBuilder bytewise = new StringBuilder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RedactingOutputStream r = new RedactingOutputStream(out, FORMS, StandardCharsets.UTF_8)) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                r.write(b);
            }
        }
        bytewise.append(out.toString(StandardCharsets.UTF_8));
        assertThat(bytewise).hasToString(expected);
    }

    @Test
    void passesOnAtOnceWhatCannotStartASecret() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RedactingOutputStream r = new RedactingOutputStream(out, FORMS, StandardCharsets.UTF_8);

        r.write("Password: ".getBytes(StandardCharsets.UTF_8));
        r.flush();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Password: ");
        assertThat(r.held()).isZero();
    }

    @Test
    void holdsOnlyAPossibleBeginningOfASecretAcrossAFlush() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RedactingOutputStream r = new RedactingOutputStream(out, FORMS, StandardCharsets.UTF_8);

        r.write(("progress 10%\r" + TOKEN.substring(0, 9)).getBytes(StandardCharsets.UTF_8));
        r.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("progress 10%\r");
        assertThat(r.held()).isEqualTo(9);

        r.write((TOKEN.substring(9) + "\r").getBytes(StandardCharsets.UTF_8));
        r.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("progress 10%\r****\r");

        r.write("AT".getBytes(StandardCharsets.UTF_8));
        r.close();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("progress 10%\r****\rAT");
    }

    @Test
    void aHundredMegabytesWithoutNewlineHoldLessThanTheLongestForm() throws IOException {
        Counting sink = new Counting();
        RedactingOutputStream r = new RedactingOutputStream(sink, FORMS, StandardCharsets.UTF_8);
        byte[] chunk = new byte[64 * 1024];
        // \r progress output with characters that begin secret forms, never a whole one
        byte[] pattern = ("\r 42% A" + TOKEN.substring(0, 20) + " eC10b2tl").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = pattern[i % pattern.length];
        }
        long written = 0;
        int maxHeld = 0;
        while (written < 100L * 1024 * 1024) {
            r.write(chunk);
            written += chunk.length;
            maxHeld = Math.max(maxHeld, r.held());
            assertThat(sink.bytes).isEqualTo(written - r.held());
        }
        assertThat(maxHeld).isLessThan(FORMS.get(0).length()).isLessThanOrEqualTo(r.maxHeld());
        r.close();
        assertThat(sink.bytes).isEqualTo(written);
    }

    @Test
    void theLongerOfTwoOverlappingFormsWins() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RedactingOutputStream r =
                new RedactingOutputStream(out, List.of("abcd", "abcdefgh"), StandardCharsets.UTF_8)) {
            r.write("xabcd".getBytes(StandardCharsets.UTF_8));
            r.write("efgh abcd abcdef".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x**** **** ****ef");
    }

    @Test
    void withoutSecretsEverythingPassesUnchanged() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = "héllo\r\nwörld".getBytes(StandardCharsets.UTF_8);
        try (RedactingOutputStream r = new RedactingOutputStream(out, List.of(), StandardCharsets.UTF_8)) {
            r.write(bytes);
            assertThat(r.maxHeld()).isZero();
        }
        assertThat(Arrays.equals(out.toByteArray(), bytes)).isTrue();
        assertThat(through("héllo wörld\n", "\n")).isEqualTo("héllo wörld\n\n");
    }
}
