package io.jenkins.plugins.databricksgit.core.lifecycle;

import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every removal of this controller that is not done yet, kept in memory and persisted on each change through the
 * host (with what the engine knows about the credentials, so that keeps and ids survive a restart), and written to
 * the build's own store. The monitor reads the memory only.
 */
final class RemovalRegistry {
    private static final Logger LOGGER = Logger.getLogger(RemovalRegistry.class.getName());

    private final GitCredentialEngine engine;
    private final LifecycleHost host;
    private final ConcurrentMap<String, PendingRemoval> removals = new ConcurrentHashMap<>();
    private final Object persistLock = new Object();
    /** Orders a dismissal and the bookkeeping of a failed attempt, so that neither undoes the other. */
    private final Object dismissLock = new Object();

    RemovalRegistry(GitCredentialEngine engine, LifecycleHost host) {
        this.engine = engine;
        this.host = host;
    }

    PendingRemoval get(String id) {
        return removals.get(id);
    }

    Collection<PendingRemoval> all() {
        return removals.values();
    }

    /** Records a new removal with its build (which must succeed) and in the registry. */
    void record(PendingRemoval removal, RemovalStore store) throws IOException {
        store.put(removal);
        removals.put(removal.id(), removal);
        persist();
    }

    /** A later step of a removal: in memory, with the build (best effort) and in the registry. */
    void update(PendingRemoval removal, RemovalStore store) {
        removals.put(removal.id(), removal);
        saveQuietly(store, removal);
        persist();
    }

    /** A later step kept in memory only (a thread that must not touch the disk, e.g. an interrupted one). */
    void updateInMemory(PendingRemoval removal) {
        removals.put(removal.id(), removal);
    }

    /** Re-registers a removal read back after a restart. */
    void restore(PendingRemoval removal) {
        removals.put(removal.id(), removal);
    }

    /**
     * Records a failed attempt, unless an administrator dismissed the removal while the attempt ran.
     *
     * @param wasRegistered whether the removal was registered when the attempt started
     * @param onRecorded runs under the same lock when the failure is recorded (to schedule the retry)
     * @return {@code false} when the removal was dismissed meanwhile (nothing recorded)
     */
    boolean recordFailure(PendingRemoval failed, boolean wasRegistered, RemovalStore store, Runnable onRecorded) {
        synchronized (dismissLock) {
            if (wasRegistered && removals.replace(failed.id(), failed) == null) {
                return false;
            }
            removals.put(failed.id(), failed);
            onRecorded.run();
            saveQuietly(store, failed);
            persist();
            return true;
        }
    }

    /** The removal is done: forgotten here and in its build. */
    void forget(PendingRemoval removal, RemovalStore store) {
        removals.remove(removal.id());
        try {
            store.delete(removal.id());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not update build " + removal.buildId() + " after removing " + removal, e);
        }
        persist();
    }

    /**
     * Drops a removal on an administrator's request.
     *
     * @param onDismissed runs under the same lock as {@link #recordFailure}, before anything is saved
     * @return the removal, or {@code null} when there was none
     */
    PendingRemoval dismiss(String id, Runnable onDismissed) {
        synchronized (dismissLock) {
            PendingRemoval removal = removals.remove(id);
            onDismissed.run();
            if (removal == null) {
                return null;
            }
            try {
                host.store(removal.buildId()).delete(id);
            } catch (IOException e) {
                LOGGER.log(
                        Level.WARNING,
                        "Could not update build " + removal.buildId() + " after dismissing " + removal,
                        e);
            }
            persist();
            return removal;
        }
    }

    /** Writes the registry and what the engine knows (credentials, principals) through the host. */
    void persist() {
        synchronized (persistLock) {
            try {
                host.saveRegistry(new PendingRemovalFile.Contents(
                        List.copyOf(removals.values()), engine.knownCredentials(), engine.knownPrincipals()));
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Could not save the pending Git credential removals", e);
            }
        }
    }

    static void saveQuietly(RemovalStore store, PendingRemoval removal) {
        try {
            store.put(removal);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not record " + removal + " with its build", e);
        }
    }
}
