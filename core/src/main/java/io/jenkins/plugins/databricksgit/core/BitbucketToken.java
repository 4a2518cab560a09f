package io.jenkins.plugins.databricksgit.core;

import java.util.List;

/**
 * A Bitbucket Cloud repository access token with, optionally, the workspace and repository it belongs to. One
 * trailing newline (from a file or stdin) is stripped; any other whitespace is an error.
 */
public final class BitbucketToken {
    /** Prefix of repository, project and workspace access tokens (app passwords: ATBB, API tokens: ATAT). */
    public static final String ACCESS_TOKEN_PREFIX = "ATCT";

    /** Repository access tokens are about 200 characters; far more means a file or variable holds something else. */
    public static final int MAX_LENGTH = 1024;

    private final SecretValue secret;
    private final String workspace;
    private final String repository;
    private final List<String> warnings;

    private BitbucketToken(SecretValue secret, String workspace, String repository, List<String> warnings) {
        this.secret = secret;
        this.workspace = workspace;
        this.repository = repository;
        this.warnings = warnings;
    }

    /**
     * @param workspace Bitbucket workspace id, or {@code null}
     * @param repository repository slug, or {@code null}
     * @throws IllegalArgumentException with an actionable message (never containing the token)
     */
    public static BitbucketToken of(String token, String workspace, String repository) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("The Bitbucket token is empty. Paste the repository access token"
                    + " shown once when it was created (Repository settings > Security > Access tokens).");
        }
        String t = token;
        if (t.endsWith("\r\n")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("\n")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("The Bitbucket token is empty (only a line break was given).");
        }
        if (t.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The Bitbucket token is " + t.length() + " characters long, far more"
                    + " than a repository access token (about 200): check that the file, variable or credential holds"
                    + " only the token.");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("The Bitbucket token contains whitespace or a control character"
                        + " at position " + (i + 1) + " of " + t.length() + ". A token is one word: copy it again"
                        + " without spaces or line breaks.");
            }
        }
        String ws = slug(workspace, "workspace");
        String repo = slug(repository, "repository");
        List<String> warnings = t.startsWith(ACCESS_TOKEN_PREFIX)
                ? List.of()
                : List.of("The Bitbucket token does not start with " + ACCESS_TOKEN_PREFIX + ", so it is probably not"
                        + " a repository access token (app passwords start with ATBB, API tokens with ATAT). Only"
                        + " access tokens work with the Git user name x-token-auth.");
        return new BitbucketToken(SecretValue.of(t), ws, repo, warnings);
    }

    private static String slug(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.contains("/") || v.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("The Bitbucket " + what + " must be a single slug without '/' or"
                    + " spaces, as in bitbucket.org/<workspace>/<repository>; got \"" + v + "\".");
        }
        return v;
    }

    public SecretValue secret() {
        return secret;
    }

    public String workspace() {
        return workspace;
    }

    public String repository() {
        return repository;
    }

    /** Warnings such as "does not start with ATCT: likely an app password or API token". */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "BitbucketToken[" + (workspace == null ? "?" : workspace) + "/" + (repository == null ? "?" : repository)
                + ", ****]";
    }
}
