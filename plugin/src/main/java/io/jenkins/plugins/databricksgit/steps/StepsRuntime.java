package io.jenkins.plugins.databricksgit.steps;

/**
 * Holds the one backend of this controller, created on first use. First use is early: the retry's periodic work
 * runs shortly after startup, and any push, completed build or page with the monitor gets here first if sooner; the
 * creation restores the leases persisted before a restart. Lazy rather than an {@code @Initializer}, whose
 * discovery needs an annotation-indexer index that this build does not write.
 */
final class StepsRuntime {
    private static StepsBackend backend;

    private StepsRuntime() {}

    static synchronized StepsBackend backend() {
        if (backend == null) {
            backend = JenkinsStepsBackend.create();
        }
        return backend;
    }

    /** The backend if it exists already; never creates one. */
    static synchronized StepsBackend peek() {
        return backend;
    }

    /** Replaces the backend: unit tests have no Jenkins to create one from. */
    static synchronized void set(StepsBackend replacement) {
        backend = replacement;
    }
}
