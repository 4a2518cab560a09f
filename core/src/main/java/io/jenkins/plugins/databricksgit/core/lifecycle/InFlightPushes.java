package io.jenkins.plugins.databricksgit.core.lifecycle;

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

    /** The lane of a principal: one workspace URL and the principal's numeric id (or, unresolved, its name). */
    static String lane(String workspaceUrl, long principalId, String servicePrincipal) {
        return workspaceUrl + '\n' + (principalId != 0 ? String.valueOf(principalId) : "as named: " + servicePrincipal);
    }

    static String lane(PendingRemoval removal) {
        return lane(removal.workspaceUrl(), removal.principalId(), removal.servicePrincipal());
    }
}
