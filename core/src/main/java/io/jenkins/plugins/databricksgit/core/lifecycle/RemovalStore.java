package io.jenkins.plugins.databricksgit.core.lifecycle;

import java.io.IOException;
import java.util.List;

/**
 * The pending removals of one build, persisted with it (Jenkins: an action on the run, saved with the build), so
 * that whoever finishes the build finds them, after a controller restart too.
 */
public interface RemovalStore {
    /** Adds or replaces the record with the same id, and persists it before returning. */
    void put(PendingRemoval removal) throws IOException;

    /** Forgets the record; nothing happens when it is not there. */
    void delete(String id) throws IOException;

    List<PendingRemoval> list();

    /** A store for builds that no longer exist: holds nothing. */
    RemovalStore NONE = new RemovalStore() {
        @Override
        public void put(PendingRemoval removal) {}

        @Override
        public void delete(String id) {}

        @Override
        public List<PendingRemoval> list() {
            return List.of();
        }
    };
}
