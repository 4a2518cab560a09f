package io.jenkins.plugins.databricksgit.core;

import java.io.IOException;

/**
 * Any failure talking to Databricks. {@link #getMessage()} is a user-facing sentence naming the likely cause and
 * the fix; it never contains a secret.
 */
public class DatabricksException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as a user would put it. */
    public enum Reason {
        INVALID_TOKEN,
        NO_CREDENTIALS_SENT,
        NOT_SERVICE_PRINCIPAL_MANAGER,
        PERMISSION_DENIED,
        NOT_FOUND,
        ALREADY_EXISTS,
        INVALID_REQUEST,
        RATE_LIMITED,
        UNAVAILABLE,
        SERVER_ERROR,
        NOT_A_DATABRICKS_WORKSPACE,
        TLS_FAILURE,
        UNKNOWN_HOST,
        TIMEOUT,
        CONNECTION_FAILED,
        OAUTH_FAILED,
        OTHER
    }

    public DatabricksException(String message) {
        super(message);
        throw new UnsupportedOperationException("API contract; implemented in the core issue");
    }

    public Reason reason() {
        throw new UnsupportedOperationException();
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        throw new UnsupportedOperationException();
    }

    /** Databricks {@code error_code} (string or number as text), or {@code null}. */
    public String errorCode() {
        throw new UnsupportedOperationException();
    }

    /** Databricks request id when the answer carried one, or {@code null}. */
    public String requestId() {
        throw new UnsupportedOperationException();
    }
}
