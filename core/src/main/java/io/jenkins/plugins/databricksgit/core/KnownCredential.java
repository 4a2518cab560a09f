package io.jenkins.plugins.databricksgit.core;

import java.util.List;

/**
 * What an engine knows about one principal's credential, without any secret, so that it can be persisted and
 * {@linkplain GitCredentialEngine#restore(KnownCredential) restored} after a restart: a keep survives the restart, and
 * so does the credential id (a repeated push stays a single PATCH).
 *
 * @param principalId the principal's numeric id, or 0 when this engine knows it by applicationId only
 * @param applicationId the principal's applicationId, or {@code null} when unknown (a user, or a service principal
 *     named by numeric id)
 * @param credentialId the Databricks credential id last written, or 0 when unknown
 * @param tokenFingerprint the fingerprint of the token last written, or {@code null} when unknown
 * @param names the credential names this engine wrote together with that token, oldest first: Databricks holds
 *     what this engine wrote as long as its {@code name} is one of them
 * @param lastPushId the push id of the last write this engine attempted, or {@code null}
 * @param keptFingerprint the fingerprint of a token a push asked to keep, or {@code null}
 * @param keptCredentialId the credential that keep applies to
 * @param keptBy who asked to keep it, for messages
 */
public record KnownCredential(
        String workspaceUrl,
        long principalId,
        String applicationId,
        String gitProvider,
        long credentialId,
        String tokenFingerprint,
        List<String> names,
        String lastPushId,
        String keptFingerprint,
        long keptCredentialId,
        String keptBy) {
    public KnownCredential {
        names = names == null ? List.of() : List.copyOf(names);
    }
}
