package io.jenkins.plugins.databricksgit.core;

/**
 * The outcome of a removal or a lease release.
 *
 * @param reason for {@link Outcome#KEPT}, why the credential was left, as the end of a sentence (e.g. "another build
 *     still uses it"); {@code null} otherwise
 */
public record RemoveResult(long credentialId, Outcome outcome, String reason) {
    public enum Outcome {
        /** Deleted now. */
        REMOVED,
        /** Databricks no longer had it: nothing to do. */
        ALREADY_GONE,
        /**
         * Left in place: another holder still uses it, a push asked to keep it, or it no longer holds what the
         * releasing push wrote (someone wrote it since).
         */
        KEPT
    }

    public RemoveResult(long credentialId, Outcome outcome) {
        this(credentialId, outcome, null);
    }
}
