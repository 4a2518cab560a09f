package io.jenkins.plugins.databricksgit.steps;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;

/**
 * The background retry: every minute, failed removals whose backoff has passed are tried again, and removals of
 * builds lost in a restart are taken over.
 */
@Extension
public final class PendingRemovalRetry extends AsyncPeriodicWork {
    public PendingRemovalRetry() {
        super("Databricks Git credential removal retry");
    }

    @Override
    public long getRecurrencePeriod() {
        return MIN;
    }

    /** Soon after startup, so that leases persisted before a restart are restored early. */
    @Override
    public long getInitialDelay() {
        return 15_000L;
    }

    @Override
    protected void execute(TaskListener listener) {
        int removed = StepsBackend.get().lifecycle().retryDue();
        if (removed > 0) {
            listener.getLogger().println("Removed " + removed + " Git credential(s) left behind by builds");
        }
    }
}
