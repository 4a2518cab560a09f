package io.jenkins.plugins.databricksgit.core;

import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A secret (Bitbucket token, Databricks token, OAuth client secret) that never reveals itself by accident:
 * {@code toString()} masks it, it is not serializable, and {@link #reveal()} is called only where the value goes
 * into an HTTP header.
 *
 * <p>The class is marked {@link Serializable} only so that any attempt to serialize it (Java serialization, or a
 * reflection-based serializer honouring {@code writeReplace}) fails loudly with {@link NotSerializableException}
 * instead of silently writing the plain text.
 */
public final class SecretValue implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String MASK = "****";

    private final transient String value;

    private SecretValue(String value) {
        this.value = value;
    }

    /** Wraps a secret; rejects {@code null} and the empty string. */
    public static SecretValue of(String plainText) {
        Objects.requireNonNull(plainText, "secret must not be null");
        if (plainText.isEmpty()) {
            throw new IllegalArgumentException("A secret must not be empty.");
        }
        return new SecretValue(plainText);
    }

    /** The plain text, for the one line that builds an HTTP header or request body. */
    public String reveal() {
        return value;
    }

    /** In memory only, for {@link #hashCode()}: never stored or shown (see {@link TokenFingerprints} for that). */
    private byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Compares in constant time, so that timing does not tell how much of a guess was right. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SecretValue other)) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        byte[] digest = sha256();
        return ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
    }

    @Override
    public String toString() {
        return MASK;
    }

    private Object writeReplace() throws NotSerializableException {
        throw new NotSerializableException(
                "SecretValue is never serialized, so that a secret cannot end up in a file or a remote call");
    }

    private void writeObject(ObjectOutputStream out) throws NotSerializableException {
        throw new NotSerializableException(
                "SecretValue is never serialized, so that a secret cannot end up in a file or a remote call");
    }

    private void readObject(ObjectInputStream in) throws NotSerializableException {
        throw new NotSerializableException("SecretValue is never deserialized");
    }
}
