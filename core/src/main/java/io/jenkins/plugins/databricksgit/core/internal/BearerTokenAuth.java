package io.jenkins.plugins.databricksgit.core.internal;

import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import java.util.List;
import java.util.Objects;

/** A personal access token sent as is. */
public final class BearerTokenAuth extends InternalAuth {
    private final SecretValue token;

    public BearerTokenAuth(SecretValue token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public AccessTokens tokens(WorkspaceUrl workspace, ClientSettings settings) {
        return new AccessTokens() {
            @Override
            public SecretValue current() {
                return token;
            }

            @Override
            public boolean refreshable() {
                return false;
            }

            @Override
            public void invalidate(SecretValue rejected) {}
        };
    }

    @Override
    public List<SecretValue> secrets() {
        return List.of(token);
    }

    @Override
    public SecretValue personalAccessToken() {
        return token;
    }

    @Override
    public String describe() {
        return "personal access token";
    }

    @Override
    public String toString() {
        return describe();
    }
}
