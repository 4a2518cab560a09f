package io.jenkins.plugins.databricksgit.core;

/**
 * What an engine learnt about a principal from Databricks, without any secret, so that it can be persisted and
 * {@linkplain GitCredentialEngine#restore(KnownPrincipal) restored} after a restart instead of being looked up again:
 * a service principal's two identities (the applicationId it authenticates with and the numeric id the
 * git-credentials API takes), and which personal access token belongs to whom.
 *
 * @param principalId the numeric id
 * @param applicationId the applicationId, or {@code null} for a user
 * @param displayName for messages, or {@code null}
 * @param servicePrincipal {@code false} for a user
 * @param databricksTokenFingerprint the engine's one-way fingerprint of a personal access token that authenticates as
 *     this principal (its {@code /Me}), or {@code null} when the principal was looked up otherwise
 */
public record KnownPrincipal(
        String workspaceUrl,
        long principalId,
        String applicationId,
        String displayName,
        boolean servicePrincipal,
        String databricksTokenFingerprint) {}
