package io.jenkins.plugins.databricksgit.core;

/** Checks a repository access token with {@code GET {api}/2.0/repositories/{workspace}/{repo}}. */
public final class BitbucketClient {
    /** The public Bitbucket Cloud API. */
    public static final String DEFAULT_API_URL = "https://api.bitbucket.org";

    public BitbucketClient(String apiBaseUrl, ClientSettings settings) {
        throw new UnsupportedOperationException("API contract; implemented in the core issue");
    }

    /** @throws IllegalArgumentException when the token names no workspace and repository */
    public TokenCheck verify(BitbucketToken token) {
        throw new UnsupportedOperationException();
    }
}
