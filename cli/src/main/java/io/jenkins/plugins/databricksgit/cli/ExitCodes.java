package io.jenkins.plugins.databricksgit.cli;

import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.LeaseWaitTimeoutException;
import io.jenkins.plugins.databricksgit.core.TokenCheck;
import io.jenkins.plugins.databricksgit.core.TokenVerificationException;

/** The documented exit codes (docs/cli.md); scripts rely on them, so they never change meaning. */
final class ExitCodes {
    static final int OK = 0;
    /** Anything not listed below: network failures, server errors, an unexpected answer. */
    static final int FAILURE = 1;
    /** Bad command line or configuration (missing host, unknown profile, a token given as a flag value). */
    static final int USAGE = 2;
    /** Databricks or Bitbucket refused who we are or what we may do. */
    static final int AUTH = 3;
    /** The named thing does not exist or is not visible: service principal, credential id, repository. */
    static final int NOT_FOUND = 4;
    /** A credential already exists where one was to be created, or the wait for another holder timed out. */
    static final int CONFLICT = 5;
    /** {@code run}: stopped (SIGINT, SIGTERM) before the command started, as a shell reports an interrupt. */
    static final int STOPPED = 130;
    /** {@code run}: the command could not be started (as in POSIX shells). */
    static final int COMMAND_NOT_STARTED = 127;

    private ExitCodes() {}

    static int of(DatabricksException e) {
        if (e instanceof LeaseWaitTimeoutException) {
            return CONFLICT;
        }
        if (e instanceof TokenVerificationException rejected) {
            return of(rejected.checkStatus());
        }
        return switch (e.reason()) {
            case INVALID_TOKEN, NO_CREDENTIALS_SENT, NOT_SERVICE_PRINCIPAL_MANAGER, PERMISSION_DENIED, OAUTH_FAILED ->
                AUTH;
            case NOT_FOUND -> NOT_FOUND;
            case ALREADY_EXISTS -> CONFLICT;
            default -> FAILURE;
        };
    }

    static int of(TokenCheck check) {
        return of(check.status());
    }

    static int of(TokenCheck.Status status) {
        return switch (status) {
            case VALID -> OK;
            case INVALID_OR_EXPIRED, MISSING_SCOPE -> AUTH;
            case REPOSITORY_NOT_VISIBLE -> NOT_FOUND;
            case UNREACHABLE -> FAILURE;
        };
    }
}
