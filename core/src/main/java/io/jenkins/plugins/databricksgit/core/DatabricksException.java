package io.jenkins.plugins.databricksgit.core;

import java.io.IOException;

/**
 * Any failure talking to Databricks. {@link #getMessage()} is a user-facing sentence naming the likely cause and
 * the fix; it never contains a secret.
 *
 * <p>{@link #outcomeUnknown()} is {@code true} when the request was written to the server but no answer arrived
 * (read timeout, dropped connection, unreadable success body): the server may or may not have applied it. The client
 * never repeats such a request by itself; for a create, the caller reconciles by listing the credentials.
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

    private final Reason reason;
    private final int status;
    private final String errorCode;
    private final String requestId;
    private final boolean outcomeUnknown;

    public DatabricksException(String message) {
        this(Reason.OTHER, 0, null, null, false, message, null);
    }

    /**
     * @param status HTTP status, or 0 when no response arrived
     * @param outcomeUnknown the request was sent and may have been applied
     * @param message user-facing, without any secret
     */
    public DatabricksException(
            Reason reason,
            int status,
            String errorCode,
            String requestId,
            boolean outcomeUnknown,
            String message,
            Throwable cause) {
        super(message, cause);
        this.reason = reason == null ? Reason.OTHER : reason;
        this.status = status;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.outcomeUnknown = outcomeUnknown;
    }

    public Reason reason() {
        return reason;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** Databricks {@code error_code} (string or number as text), or {@code null}. */
    public String errorCode() {
        return errorCode;
    }

    /** Databricks request id when the answer carried one, or {@code null}. */
    public String requestId() {
        return requestId;
    }

    /**
     * {@code true} when the request reached the server but no usable answer came back, so it may have been applied.
     * A create in this state must be reconciled (list the credentials) rather than repeated.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
