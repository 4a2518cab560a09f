package io.jenkins.plugins.databricksgit.core.lifecycle;

import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.Principal;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Pushes of this lifecycle on their way to Databricks, by push id, with the lane (workspace and principal) they
 * write. A removal of unknown outcome waits while a push to the same principal is on its way: that push may still
 * land after the removal looked, and the removal must not decide before it has answered.
 */
final class InFlightPushes {
    private final ConcurrentMap<String, String> lanes = new ConcurrentHashMap<>();

    void add(String pushId, String lane) {
        lanes.put(pushId, lane);
    }

    void remove(String pushId) {
        lanes.remove(pushId);
    }

    /** Whether a push to this lane's principal is on its way. */
    boolean busy(String lane) {
        return lanes.containsValue(lane);
    }

    Set<String> ids() {
        return Set.copyOf(lanes.keySet());
    }

    /**
     * The lane of a principal: one workspace URL and the principal as the engine names it (the same for every
     * identity of one principal it can tie together; unresolved, as the build named it).
     */
    static String lane(GitCredentialEngine engine, String workspaceUrl, Principal owner, String servicePrincipal) {
        return engine.principalKey(workspaceUrl, owner.id(), owner.applicationId(), servicePrincipal);
    }

    static String lane(GitCredentialEngine engine, PendingRemoval removal) {
        return engine.principalKey(
                removal.workspaceUrl(), removal.principalId(), removal.applicationId(), removal.servicePrincipal());
    }
}
