package io.jenkins.plugins.databricksgit.core;

import java.io.Serializable;

/**
 * A holder's claim on a pushed credential; the credential is removed when the last holder releases it. Holds no
 * secret, so it may be persisted (a build's pending removal) and re-registered after a restart.
 *
 * @param holderId unique per push
 * @param tokenFingerprint a keyed MAC of the token ({@link TokenFingerprints}) telling holders of the same token apart
 *     from others; never the token, and no help in confirming a guessed one without the key
 */
public record Lease(
        String workspaceUrl,
        long principalId,
        String principalName,
        String gitProvider,
        long credentialId,
        String holderId,
        String holder,
        String tokenFingerprint)
        implements Serializable {}
