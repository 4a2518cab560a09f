package io.jenkins.plugins.databricksgit.core.lifecycle;

import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.Principal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pushes of this lifecycle on their way to Databricks, by push id, with the lane (workspace and principal) they
 * write. A removal of unknown outcome waits while a push to the same principal is on its way: that push may still
 * land after the removal looked, and the removal must not decide before it has answered.
 */
final class InFlightPushes {
    private final ConcurrentMap<String, String> lanes = new ConcurrentHashMap<>();
    /** What to do once a lane has no push on its way any more. */
    private final ConcurrentMap<String, List<Runnable>> waiting = new ConcurrentHashMap<>();

    void add(String pushId, String lane) {
        lanes.put(pushId, lane);
    }

    void remove(String pushId) {
        String lane = lanes.remove(pushId);
        if (lane != null) {
            runIfFree(lane);
        }
    }

    /**
     * Runs {@code action} once no push to the lane's principal is on its way: at once when none is, else when the
     * last one has answered (on that push's thread, so the action must only hand work on).
     */
    void whenFree(String lane, Runnable action) {
        waiting.computeIfAbsent(lane, l -> new CopyOnWriteArrayList<>()).add(action);
        runIfFree(lane);
    }

    private void runIfFree(String lane) {
        if (busy(lane)) {
            return;
        }
        List<Runnable> actions = waiting.remove(lane);
        if (actions != null) {
            actions.forEach(Runnable::run);
        }
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
