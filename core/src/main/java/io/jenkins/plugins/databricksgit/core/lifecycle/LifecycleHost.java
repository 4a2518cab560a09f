package io.jenkins.plugins.databricksgit.core.lifecycle;

import io.jenkins.plugins.databricksgit.core.Target;
import java.io.IOException;

/** What the lifecycle needs from its surroundings (Jenkins, or a test). */
public interface LifecycleHost {
    /**
     * Builds the target to remove from: a client of the workspace URL the push went to, authenticated with the
     * credential the push used ({@link PendingRemoval#databricksCredentialsId()}), resolved as it was for the push
     * (Jenkins: in the build's context), acting on {@link PendingRemoval#servicePrincipal()}. It must not follow
     * configuration changes made since the push: an edited workspace does not redirect a pending removal.
     *
     * @throws Exception with a message for administrators when that credential can no longer be found
     */
    Target target(PendingRemoval removal) throws Exception;

    /** The build's own store, or {@link RemovalStore#NONE} when the build no longer exists. */
    RemovalStore store(String buildId);

    /** Whether the build can still finish by itself (its block or completion will remove what it pushed). */
    boolean isBuilding(String buildId);

    /**
     * Persists every removal not done yet, what the engine knows about the credentials (ids, keeps) and what it
     * learnt about principals, so that a restart can restore leases and keeps, go on retrying, and push without
     * looking anything up again ({@link PendingRemovalFile#write(PendingRemovalFile.Contents)} does it). None of it
     * holds a secret.
     */
    void saveRegistry(PendingRemovalFile.Contents contents) throws IOException;
}
