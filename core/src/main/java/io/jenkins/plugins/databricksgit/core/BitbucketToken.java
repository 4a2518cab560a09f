package io.jenkins.plugins.databricksgit.core;

import java.util.List;

/**
 * A Bitbucket Cloud repository access token with, optionally, the workspace and repository it belongs to. One
 * trailing newline (from a file or stdin) is stripped; any other whitespace is an error.
 */
public final class BitbucketToken {
    private BitbucketToken() {
        throw new UnsupportedOperationException("API contract; implemented in the core issue");
    }

    /**
     * @param workspace Bitbucket workspace id, or {@code null}
     * @param repository repository slug, or {@code null}
     * @throws IllegalArgumentException with an actionable message (never containing the token)
     */
    public static BitbucketToken of(String token, String workspace, String repository) {
        throw new UnsupportedOperationException();
    }

    public SecretValue secret() {
        throw new UnsupportedOperationException();
    }

    public String workspace() {
        throw new UnsupportedOperationException();
    }

    public String repository() {
        throw new UnsupportedOperationException();
    }

    /** Warnings such as "does not start with ATCT: likely an app password or API token". */
    public List<String> warnings() {
        throw new UnsupportedOperationException();
    }
}
