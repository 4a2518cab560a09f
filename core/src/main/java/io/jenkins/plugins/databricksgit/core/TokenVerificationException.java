package io.jenkins.plugins.databricksgit.core;

/**
 * The Bitbucket check asked for by {@link PushRequest#verifyWith()} rejected the token, so nothing was sent to
 * Databricks: a dead token fails here instead of later at a Databricks checkout.
 */
public final class TokenVerificationException extends DatabricksException {
    private static final long serialVersionUID = 1L;

    private final TokenCheck.Status status;

    public TokenVerificationException(TokenCheck check) {
        super("The Bitbucket token was not pushed: " + check.message());
        this.status = check.status();
    }

    /** What Bitbucket said about the token. */
    public TokenCheck.Status checkStatus() {
        return status;
    }
}
