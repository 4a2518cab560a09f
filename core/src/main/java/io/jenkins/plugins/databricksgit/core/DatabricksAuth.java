package io.jenkins.plugins.databricksgit.core;

/** How the client authenticates to a workspace. */
public interface DatabricksAuth {
    /** A personal access token: the service principal's own, or a Service Principal Manager's. */
    static DatabricksAuth bearerToken(SecretValue token) {
        throw new UnsupportedOperationException("API contract; implemented in the core issue");
    }

    /** OAuth M2M client credentials of a service principal ({@code POST /oidc/v1/token}). */
    static DatabricksAuth oauthClientCredentials(String clientId, SecretValue clientSecret) {
        throw new UnsupportedOperationException("API contract; implemented in the core issue");
    }

    /** A short description without any secret, e.g. {@code "OAuth client 6f1d…"}. */
    String describe();
}
