package io.jenkins.plugins.databricksgit.core;

import io.jenkins.plugins.databricksgit.core.internal.BitbucketRestClient;

/**
 * Checks a repository access token with {@code GET {api}/2.0/repositories/{workspace}/{repo}} (<a
 * href="https://support.atlassian.com/bitbucket-cloud/docs/using-access-tokens/">Bitbucket docs</a>), so that a dead
 * token fails before it is pushed rather than at the next Databricks checkout. Thread-safe.
 */
public final class BitbucketClient {
    /** The public Bitbucket Cloud API. */
    public static final String DEFAULT_API_URL = "https://api.bitbucket.org";

    private final BitbucketRestClient rest;

    /**
     * @param apiBaseUrl {@code null} for {@link #DEFAULT_API_URL}; https, except for a local test server
     * @throws IllegalArgumentException when the URL is not usable
     */
    public BitbucketClient(String apiBaseUrl, ClientSettings settings) {
        this.rest = new BitbucketRestClient(
                apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API_URL : apiBaseUrl,
                settings == null ? ClientSettings.defaults() : settings);
    }

    /**
     * The base URL a client made with {@code apiBaseUrl} calls, without a trailing slash: what a configuration form
     * shows before any token is sent there.
     *
     * @throws IllegalArgumentException when the URL is not usable: not http(s), with a user name or password, or plain
     *     http to a host other than this machine
     */
    public static String apiUrl(String apiBaseUrl) {
        String s = BitbucketRestClient.parseApiUrl(
                        apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API_URL : apiBaseUrl)
                .toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** @throws IllegalArgumentException when the token names no workspace and repository */
    public TokenCheck verify(BitbucketToken token) {
        return rest.verify(token);
    }
}
