package io.jenkins.plugins.databricksgit.core;

/**
 * The Bitbucket check asked for by {@link PushRequest#verifyWith()} rejected the token, so nothing was sent to
 * Databricks: a dead token fails here instead of later at a Databricks checkout. {@link #reason()} sorts Bitbucket's
 * answer like Databricks' own: a rejected or under-scoped token is {@link Reason#PERMISSION_DENIED}, an invisible
 * repository {@link Reason#NOT_FOUND}, an unreachable Bitbucket {@link Reason#CONNECTION_FAILED}.
 */
public final class TokenVerificationException extends DatabricksException {
    private static final long serialVersionUID = 1L;

    private final TokenCheck.Status status;

    public TokenVerificationException(TokenCheck check) {
        super(
                reasonFor(check.status()),
                0,
                null,
                null,
                false,
                "The Bitbucket token was not pushed: " + check.message(),
                null);
        this.status = check.status();
    }

    private static Reason reasonFor(TokenCheck.Status status) {
        return switch (status) {
            case INVALID_OR_EXPIRED, MISSING_SCOPE -> Reason.PERMISSION_DENIED;
            case REPOSITORY_NOT_VISIBLE -> Reason.NOT_FOUND;
            case UNREACHABLE -> Reason.CONNECTION_FAILED;
            case VALID -> throw new IllegalArgumentException("a valid token is no reason to fail");
        };
    }

    /** What Bitbucket said about the token. */
    public TokenCheck.Status checkStatus() {
        return status;
    }
}
