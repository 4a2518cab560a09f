package io.jenkins.plugins.databricksgit.core;

import java.io.Serializable;

/**
 * A holder's claim on a pushed credential; the credential is removed when the last holder releases it. Holds no
 * secret, so it may be persisted (a build's pending removal) and re-registered after a restart.
 *
 * @param principalId the owner's numeric id, or 0 when the push did not need it (a service principal authenticating
 *     as itself with OAuth is known by its applicationId)
 * @param holderId unique per push
 * @param tokenFingerprint a keyed MAC of the token ({@link TokenFingerprints}) telling holders of the same token apart
 *     from others; never the token, and no help in confirming a guessed one without the key
 * @param credentialName the {@code name} the push wrote (its {@link OwnershipTag} or the user's name), or
 *     {@code null} for a lease recorded before names were written
 * @param applicationId the owner's applicationId, or {@code null} when unknown
 * @param managerMode whether the push acted on the principal's credentials as its manager (with {@code principal_id});
 *     the release does the same
 */
public record Lease(
        String workspaceUrl,
        long principalId,
        String principalName,
        String gitProvider,
        long credentialId,
        String holderId,
        String holder,
        String tokenFingerprint,
        String credentialName,
        String applicationId,
        boolean managerMode)
        implements Serializable {}
