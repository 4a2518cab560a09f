package io.jenkins.plugins.databricksgit.core;

import java.util.List;

/** What Bitbucket said about a token; {@code message} is user-facing and never contains the token. */
public record TokenCheck(Status status, String message, List<String> warnings) {
    public enum Status {
        VALID,
        INVALID_OR_EXPIRED,
        MISSING_SCOPE,
        REPOSITORY_NOT_VISIBLE,
        UNREACHABLE
    }

    public boolean valid() {
        return status == Status.VALID;
    }
}
