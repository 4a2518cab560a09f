package io.jenkins.plugins.databricksgit.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a token into a fingerprint that tells holders of the same token apart from holders of another one, and that
 * may be stored (a build's pending removal, the pending-removals file) without helping anyone who reads it: it is a
 * keyed MAC, so confirming a guessed token needs the key, which stays on the machine that computed it. Equal tokens
 * give equal fingerprints only under the same key; the key must therefore outlive what it fingerprinted (Jenkins
 * keeps it in its {@code secrets/} folder, the command-line tool for the life of the process).
 */
@FunctionalInterface
public interface TokenFingerprints {
    /** The fingerprint of a secret: lower-case hex, never the secret. */
    String of(SecretValue secret);

    /**
     * HMAC-SHA256 under {@code key}, in hex.
     *
     * @param key at least 16 bytes of secret random data; copied
     */
    static TokenFingerprints hmacSha256(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 16) {
            throw new IllegalArgumentException("A fingerprint key needs at least 16 bytes, got " + key.length);
        }
        SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        return secret -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return HexFormat.of().formatHex(mac.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
            }
        };
    }

    /** HMAC-SHA256 under a random key of 32 bytes. */
    static TokenFingerprints randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return hmacSha256(key);
    }

    /**
     * HMAC-SHA256 under one random key per JVM, shared by every caller in it: what an engine uses when it is given no
     * key. Fingerprints made with it mean nothing in another process.
     */
    static TokenFingerprints perProcess() {
        return PerProcessFingerprints.INSTANCE;
    }
}
