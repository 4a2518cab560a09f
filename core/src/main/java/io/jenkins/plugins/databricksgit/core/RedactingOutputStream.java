package io.jenkins.plugins.databricksgit.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Replaces every occurrence of a set of byte patterns (the {@link SecretForms} of the secrets a process handles, in
 * the output's charset) with {@value #MASK}, on a stream of any shape: output without newlines, progress bars made of
 * {@code \r}, a prompt waiting for input.
 *
 * <p>Its memory is bounded: bytes that cannot be the start of a pattern are passed on at once, in the same
 * {@code write}; only a tail of the output that is still the beginning of some pattern is held back, so at most
 * (longest pattern length − 1) bytes. {@link #flush()} passes on everything except such a tail (a secret written in
 * two pieces with a flush between them is still masked); {@link #close()} passes on the tail as is, since it can no
 * longer complete a pattern. When two patterns match at the same place the longer one is masked, and a match is never
 * cut short because a longer pattern might still follow.
 *
 * <p>Thread-safe: writes, flushes and closes are serialised.
 */
public class RedactingOutputStream extends OutputStream {
    /** What each occurrence is replaced with. */
    public static final String MASK = "****";

    private final OutputStream out;
    private final byte[][] patterns;
    private final boolean[] firstBytes = new boolean[256];
    private final byte[] mask;
    private final int longest;
    private final byte[] held;
    private int heldLength;

    /**
     * @param forms the texts to mask, e.g. {@link SecretForms#of}; empty masks nothing
     * @param charset the charset the stream's bytes are written in
     */
    public RedactingOutputStream(OutputStream out, List<String> forms, Charset charset) {
        this.out = Objects.requireNonNull(out, "out");
        List<byte[]> bytes = new ArrayList<>();
        for (String form : forms) {
            byte[] b = form.getBytes(charset);
            if (b.length > 0 && bytes.stream().noneMatch(x -> Arrays.equals(x, b))) {
                bytes.add(b);
            }
        }
        bytes.sort(Comparator.comparingInt((byte[] b) -> b.length).reversed());
        this.patterns = bytes.toArray(new byte[0][]);
        for (byte[] p : patterns) {
            firstBytes[p[0] & 0xff] = true;
        }
        this.mask = MASK.getBytes(charset);
        this.longest = patterns.length == 0 ? 0 : patterns[0].length;
        this.held = new byte[Math.max(0, longest - 1)];
    }

    /** The most this stream ever holds back: the longest pattern's length minus one. */
    public final int maxHeld() {
        return held.length;
    }

    /** How many bytes are held back right now. */
    public final synchronized int held() {
        return heldLength;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (patterns.length == 0) {
            out.write(b, off, len);
            return;
        }
        process(b, off, len, false);
    }

    /**
     * Scans the held bytes followed by {@code b[off, off+len)} as one sequence, writes what is settled and keeps the
     * rest (a possible beginning of a pattern) in {@link #held}.
     */
    private void process(byte[] b, int off, int len, boolean end) throws IOException {
        int h = heldLength;
        int total = h + len;
        int emitFrom = 0;
        int i = 0;
        while (i < total) {
            if (!firstBytes[at(b, off, h, i) & 0xff]) {
                i++;
                continue;
            }
            int match = 0;
            boolean couldGrow = false;
            for (byte[] p : patterns) {
                int n = matching(b, off, h, total, i, p);
                if (n == p.length) {
                    match = Math.max(match, n);
                } else if (i + n == total) {
                    couldGrow = true; // the sequence ends inside a possible occurrence of p
                }
            }
            if (couldGrow && !end) {
                break;
            }
            if (match > 0) {
                emit(b, off, h, emitFrom, i);
                out.write(mask);
                i += match;
                emitFrom = i;
            } else {
                i++;
            }
        }
        emit(b, off, h, emitFrom, i);
        // Keep [i, total): shorter than the longest pattern, since it is a proper prefix of one.
        int keep = total - i;
        byte[] kept = new byte[keep];
        for (int k = 0; k < keep; k++) {
            kept[k] = at(b, off, h, i + k);
        }
        System.arraycopy(kept, 0, held, 0, keep);
        heldLength = keep;
    }

    /** How many bytes of {@code p} match the sequence from {@code i} (stopping at its end). */
    private int matching(byte[] b, int off, int h, int total, int i, byte[] p) {
        int n = 0;
        while (n < p.length && i + n < total && at(b, off, h, i + n) == p[n]) {
            n++;
        }
        return n;
    }

    private byte at(byte[] b, int off, int h, int i) {
        return i < h ? held[i] : b[off + i - h];
    }

    /** Writes positions {@code [from, to)} of the sequence. */
    private void emit(byte[] b, int off, int h, int from, int to) throws IOException {
        if (from >= to) {
            return;
        }
        if (from < h) {
            int end = Math.min(to, h);
            out.write(held, from, end - from);
            from = end;
        }
        if (from < to) {
            out.write(b, off + from - h, to - from);
        }
    }

    /** Passes on everything that cannot be the beginning of a secret, then flushes the stream below. */
    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    /** Passes on what is held (it can no longer become a secret) and closes the stream below. */
    @Override
    public synchronized void close() throws IOException {
        try {
            if (heldLength > 0) {
                process(new byte[0], 0, 0, true);
                if (heldLength > 0) {
                    out.write(held, 0, heldLength);
                    heldLength = 0;
                }
            }
        } finally {
            out.close();
        }
    }
}
