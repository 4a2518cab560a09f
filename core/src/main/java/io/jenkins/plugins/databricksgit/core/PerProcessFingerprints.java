package io.jenkins.plugins.databricksgit.core;

/** Holds {@link TokenFingerprints#perProcess()}'s key, created on first use. */
final class PerProcessFingerprints {
    static final TokenFingerprints INSTANCE = TokenFingerprints.randomKey();

    private PerProcessFingerprints() {}
}
