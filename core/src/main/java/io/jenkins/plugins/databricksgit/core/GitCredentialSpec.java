package io.jenkins.plugins.databricksgit.core;

/** The body of a create or update; {@code gitEmail} and {@code name} are optional. */
public record GitCredentialSpec(
        String gitProvider, String gitUsername, SecretValue token, String gitEmail, String name) {}
