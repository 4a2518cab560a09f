package io.jenkins.plugins.databricksgit.steps;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.listeners.ItemListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the backend of one Jenkins instance: its engine, leases, pending removals and their registry file. It is an
 * extension, so it belongs to the Jenkins that loaded it: created once that Jenkins has loaded its jobs (which
 * restores the leases persisted before a restart, before any build resumes), closed when it shuts down. A second
 * Jenkins in the same JVM (an in-process restart) starts from its own state on disk, as a real restart does.
 */
@Extension
public final class StepsRuntime extends ItemListener {
    private static final Logger LOGGER = Logger.getLogger(StepsRuntime.class.getName());

    /** Replaces every instance's backend: unit tests have no Jenkins to create one from. */
    private static volatile StepsBackend replacement;

    private StepsBackend backend;
    private boolean closed;

    /** The backend of the running Jenkins. */
    static StepsBackend current() {
        StepsBackend test = replacement;
        if (test != null) {
            return test;
        }
        return ExtensionList.lookupSingleton(StepsRuntime.class).backend();
    }

    /** Replaces the backend: unit tests have no Jenkins to create one from; {@code null} undoes it. */
    static void set(StepsBackend backend) {
        replacement = backend;
    }

    synchronized StepsBackend backend() {
        if (closed) {
            // The removal stays recorded with the build and in the registry file: the next start takes it over.
            throw new IllegalStateException(
                    "Jenkins is shutting down; pending Git credential removals are taken over after the restart");
        }
        if (backend == null) {
            backend = JenkinsStepsBackend.create();
        }
        return backend;
    }

    /** Jenkins has loaded its jobs: restore what was pending before the restart, ahead of resumed builds. */
    @Override
    public void onLoaded() {
        backend();
    }

    /** Stops the removal threads; what is still pending stays recorded and is taken over after the restart. */
    @Override
    public void onBeforeShutdown() {
        StepsBackend closing;
        synchronized (this) {
            closed = true;
            closing = backend;
            backend = null;
        }
        if (closing != null) {
            try {
                closing.lifecycle().close();
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "Could not stop the Git credential removals cleanly", e);
            }
        }
    }
}
