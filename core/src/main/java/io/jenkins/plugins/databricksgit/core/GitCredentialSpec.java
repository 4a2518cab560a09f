package io.jenkins.plugins.databricksgit.core;

import java.util.Objects;

/**
 * The body of a create or update; {@code gitEmail} and {@code name} are optional. {@code toString()} masks the token
 * (see {@link SecretValue}).
 */
public record GitCredentialSpec(
        String gitProvider, String gitUsername, SecretValue token, String gitEmail, String name) {
    public GitCredentialSpec {
        Objects.requireNonNull(gitProvider, "gitProvider");
        Objects.requireNonNull(token, "token");
    }
}
