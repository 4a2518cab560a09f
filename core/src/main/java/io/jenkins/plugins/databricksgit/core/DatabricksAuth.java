package io.jenkins.plugins.databricksgit.core;

import io.jenkins.plugins.databricksgit.core.internal.BearerTokenAuth;
import io.jenkins.plugins.databricksgit.core.internal.OAuthClientCredentialsAuth;

/** How the client authenticates to a workspace. Obtain instances from the factory methods only. */
public interface DatabricksAuth {
    /** A personal access token: the service principal's own, or a Service Principal Manager's. */
    static DatabricksAuth bearerToken(SecretValue token) {
        return new BearerTokenAuth(token);
    }

    /**
     * OAuth M2M client credentials of a service principal ({@code POST /oidc/v1/token}). The access token is cached
     * per workspace in the returned object, so reuse it across clients to avoid a token request per client.
     */
    static DatabricksAuth oauthClientCredentials(String clientId, SecretValue clientSecret) {
        return new OAuthClientCredentialsAuth(clientId, clientSecret);
    }

    /** A short description without any secret, e.g. {@code "OAuth client 6f1d…"}. */
    String describe();
}
