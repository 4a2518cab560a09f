package io.jenkins.plugins.databricksgit.steps;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import io.jenkins.plugins.databricksgit.core.lifecycle.PendingRemoval;
import java.time.Instant;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Tells administrators about Git credentials that builds asked to remove and that could not be removed yet: they
 * stay listed, and are retried, until removed or dismissed. {@link #isActivated()} reads memory only.
 */
@Extension
public final class FailedRemovalsMonitor extends AdministrativeMonitor {
    @Override
    public boolean isActivated() {
        return StepsBackend.get().lifecycle().hasFailedRemovals();
    }

    @Override
    public String getDisplayName() {
        return Messages.FailedRemovalsMonitor_DisplayName();
    }

    /** For the view. */
    public List<PendingRemoval> getRemovals() {
        return StepsBackend.get().lifecycle().failedRemovals();
    }

    /** For the view. */
    public String nextAttempt(String removalId) {
        Instant next = StepsBackend.get().lifecycle().nextAttempt(removalId);
        return next == null ? "" : next.toString();
    }

    /** Stops retrying one removal; the credential stays on Databricks. */
    @POST
    public HttpResponse doDismiss(@QueryParameter String id) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (id != null) {
            StepsBackend.get().lifecycle().dismiss(id);
        }
        return HttpResponses.forwardToPreviousPage();
    }
}
