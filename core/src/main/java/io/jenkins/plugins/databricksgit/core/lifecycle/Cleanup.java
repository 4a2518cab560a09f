package io.jenkins.plugins.databricksgit.core.lifecycle;

/** What happens to a pushed credential. */
public enum Cleanup {
    /** Stays on Databricks after the build. */
    KEEP,
    /** Removed when the block that pushed it ends. */
    AT_BLOCK_END,
    /** Removed when the build completes, whatever its result. */
    AT_BUILD_END
}
