package io.jenkins.plugins.databricksgit.core;

/** The outcome of a removal or a lease release. */
public record RemoveResult(long credentialId, Outcome outcome) {
    public enum Outcome {
        /** Deleted now. */
        REMOVED,
        /** Databricks no longer had it: nothing to do. */
        ALREADY_GONE,
        /** Another holder still uses it, or a push asked to keep it. */
        KEPT
    }
}
