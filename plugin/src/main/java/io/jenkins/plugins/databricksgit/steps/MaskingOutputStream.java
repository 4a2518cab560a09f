package io.jenkins.plugins.databricksgit.steps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces the token, line by line, with {@code ****}: as is, URL-encoded, and inside the Basic authorization value
 * Git sends with the {@code x-token-auth} username. Works on whole lines so that a token split across two writes
 * is still caught.
 */
final class MaskingOutputStream extends OutputStream {
    static final String MASK = "****";

    private final OutputStream out;
    private final Charset charset;
    private final List<String> forms;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    MaskingOutputStream(OutputStream out, String token, Charset charset) {
        this.out = out;
        this.charset = charset;
        this.forms = formsOf(token);
    }

    static List<String> formsOf(String token) {
        Set<String> forms = new LinkedHashSet<>();
        if (token != null && token.length() >= 3) {
            forms.add(token);
            forms.add(URLEncoder.encode(token, StandardCharsets.UTF_8));
            forms.add(Base64.getEncoder().encodeToString(("x-token-auth:" + token).getBytes(StandardCharsets.UTF_8)));
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    static String mask(String text, List<String> forms) {
        String masked = text;
        for (String form : forms) {
            masked = masked.replace(form, MASK);
        }
        return masked;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            flushLine();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i + 1 - start);
                flushLine();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    private void flushLine() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(charset);
        line.reset();
        out.write(mask(text, forms).getBytes(charset));
    }

    /** Passes on complete lines only: a partial line waits for its newline (or close), so no token is split. */
    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flushLine();
        out.close();
    }
}
