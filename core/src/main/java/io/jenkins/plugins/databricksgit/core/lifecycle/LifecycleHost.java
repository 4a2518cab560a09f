package io.jenkins.plugins.databricksgit.core.lifecycle;

import io.jenkins.plugins.databricksgit.core.Target;
import java.io.IOException;
import java.util.Collection;

/** What the lifecycle needs from its surroundings (Jenkins, or a test). */
public interface LifecycleHost {
    /**
     * Builds the target to remove from, with the Databricks credentials resolved as they were for the push (Jenkins:
     * in the build's context).
     */
    Target target(PendingRemoval removal) throws Exception;

    /** The build's own store, or {@link RemovalStore#NONE} when the build no longer exists. */
    RemovalStore store(String buildId);

    /** Whether the build can still finish by itself (its block or completion will remove what it pushed). */
    boolean isBuilding(String buildId);

    /** Persists every removal not done yet, so that a restart can restore leases and go on retrying. */
    void saveRegistry(Collection<PendingRemoval> removals) throws IOException;
}
