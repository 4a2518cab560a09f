package io.jenkins.plugins.databricksgit.core;

/**
 * A secret (Bitbucket token, Databricks token, OAuth client secret) that never reveals itself by accident:
 * {@code toString()} masks it, it is not serializable, and {@link #reveal()} is called only where the value goes
 * into an HTTP header.
 */
public final class SecretValue {
    private SecretValue() {
        throw new UnsupportedOperationException("API contract; implemented in the core issue");
    }

    /** Wraps a secret; rejects {@code null} and the empty string. */
    public static SecretValue of(String plainText) {
        throw new UnsupportedOperationException();
    }

    /** The plain text, for the one line that builds an HTTP header or request body. */
    public String reveal() {
        throw new UnsupportedOperationException();
    }
}
