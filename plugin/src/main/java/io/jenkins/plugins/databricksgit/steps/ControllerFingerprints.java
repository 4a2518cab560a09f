package io.jenkins.plugins.databricksgit.steps;

import io.jenkins.plugins.databricksgit.core.TokenFingerprints;
import jenkins.security.HMACConfidentialKey;

/**
 * Token fingerprints of this controller: an HMAC-SHA256 under a key Jenkins creates on first use and keeps in
 * {@code $JENKINS_HOME/secrets/} (a confidential key, like those of other Jenkins features), so that the fingerprints
 * in {@code build.xml} and in the pending-removals file stay comparable across restarts, and mean nothing to whoever
 * reads those files without the key.
 */
final class ControllerFingerprints {
    private ControllerFingerprints() {}

    /** Created on first use: a confidential key belongs to a running Jenkins. */
    private static final class Holder {
        static final HMACConfidentialKey KEY =
                new HMACConfidentialKey(ControllerFingerprints.class, "tokenFingerprint");
    }

    static TokenFingerprints get() {
        return secret -> Holder.KEY.mac(secret.reveal());
    }
}
