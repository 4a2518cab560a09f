package io.jenkins.plugins.databricksgit.steps;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.databricksgit.core.lifecycle.PendingRemoval;
import io.jenkins.plugins.databricksgit.core.lifecycle.RemovalStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The credentials a build asked to remove and that are not removed yet, saved in its {@code build.xml}: written
 * before each push is sent, cleared once the removal succeeded. The build-completion safety net and the restart
 * restore read it. Holds no secret.
 */
public final class PendingRemovalsAction extends InvisibleAction {
    private final List<PendingRemoval> removals = new ArrayList<>();

    synchronized void put(PendingRemoval removal) {
        removals.removeIf(r -> r.id().equals(removal.id()));
        removals.add(removal);
    }

    synchronized boolean delete(String id) {
        return removals.removeIf(r -> r.id().equals(id));
    }

    public synchronized List<PendingRemoval> getRemovals() {
        return List.copyOf(removals);
    }

    /** The build's store: changes are saved with the build before returning. */
    static RemovalStore storeOf(Run<?, ?> run) {
        return new RemovalStore() {
            @Override
            public void put(PendingRemoval removal) throws IOException {
                synchronized (run) {
                    PendingRemovalsAction action = run.getAction(PendingRemovalsAction.class);
                    if (action == null) {
                        action = new PendingRemovalsAction();
                        run.addAction(action);
                    }
                    action.put(removal);
                }
                run.save();
            }

            @Override
            public void delete(String id) throws IOException {
                PendingRemovalsAction action = run.getAction(PendingRemovalsAction.class);
                if (action != null && action.delete(id)) {
                    run.save();
                }
            }

            @Override
            public List<PendingRemoval> list() {
                PendingRemovalsAction action = run.getAction(PendingRemovalsAction.class);
                return action == null ? List.of() : action.getRemovals();
            }
        };
    }
}
