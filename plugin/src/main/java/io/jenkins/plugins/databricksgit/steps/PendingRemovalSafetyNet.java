package io.jenkins.plugins.databricksgit.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;

/**
 * The build-completion safety net: removes whatever the build still has recorded, whatever its result. It also
 * covers what the block's own callback cannot: an abort during the push and a hard kill during the body. Runs just
 * before {@code Finished:}, on the build's thread, so the lifecycle bounds the wait and hands the rest to the
 * background retry.
 */
@Extension
public final class PendingRemovalSafetyNet extends RunListener<Run<?, ?>> {
    @Override
    public void onCompleted(Run<?, ?> run, TaskListener listener) {
        PendingRemovalsAction action = run.getAction(PendingRemovalsAction.class);
        if (action == null || action.getRemovals().isEmpty()) {
            return;
        }
        completed(StepsBackend.get(), new BuildContext(run, listener));
    }

    static void completed(StepsBackend backend, BuildContext build) {
        backend.lifecycle().buildCompleted(backend.buildId(build), backend.store(build), build.log());
    }
}
