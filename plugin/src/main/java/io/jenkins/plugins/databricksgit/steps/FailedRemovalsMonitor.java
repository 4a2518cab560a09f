package io.jenkins.plugins.databricksgit.steps;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import hudson.security.AccessControlled;
import io.jenkins.plugins.databricksgit.core.lifecycle.CredentialLifecycle;
import io.jenkins.plugins.databricksgit.core.lifecycle.RemovalStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Tells administrators about Git credentials that builds asked to remove and that the background retry now owns
 * (an attempt failed, the build ended first, or it was lost in a restart): why each is pending, when it is tried
 * next, with <em>Retry now</em> and <em>Dismiss</em>. They stay listed until removed or dismissed.
 * {@link #isActivated()} reads memory only.
 */
@Extension
public final class FailedRemovalsMonitor extends AdministrativeMonitor {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final Supplier<AccessControlled> root;

    public FailedRemovalsMonitor() {
        this(Jenkins::get);
    }

    /** With the object whose permissions are checked (Jenkins itself; a fake in tests). */
    FailedRemovalsMonitor(Supplier<AccessControlled> root) {
        this.root = root;
    }

    private static CredentialLifecycle lifecycle() {
        return StepsBackend.get().lifecycle();
    }

    @Override
    public boolean isActivated() {
        return lifecycle().hasBackgroundRemovals();
    }

    @Override
    public String getDisplayName() {
        return Messages.FailedRemovalsMonitor_DisplayName();
    }

    /** For the view. */
    public List<RemovalStatus> getRemovals() {
        return lifecycle().backgroundRemovals();
    }

    /** For the view: why the removal is pending. */
    public String why(RemovalStatus status) {
        String why =
                switch (status.why()) {
                    case NOT_SENT -> Messages.FailedRemovalsMonitor_notSent();
                    case OUTCOME_UNKNOWN -> Messages.FailedRemovalsMonitor_outcomeUnknown();
                    case RETRYING -> Messages.FailedRemovalsMonitor_retrying();
                };
        return status.running() ? why + " " + Messages.FailedRemovalsMonitor_running() : why;
    }

    /** For the view: when the background retry tries next. */
    public String nextAttempt(RemovalStatus status) {
        Instant next = status.nextAttempt();
        return next == null ? "" : TIME.format(next);
    }

    /** Tries one removal now, whatever its delay. */
    @POST
    public HttpResponse doRetryNow(@QueryParameter String id) {
        retryNow(id);
        return HttpResponses.forwardToPreviousPage();
    }

    /** Stops retrying one removal; the credential stays on Databricks. */
    @POST
    public HttpResponse doDismiss(@QueryParameter String id) {
        dismiss(id);
        return HttpResponses.forwardToPreviousPage();
    }

    /** @return whether an attempt was started */
    boolean retryNow(String id) {
        root.get().checkPermission(Jenkins.ADMINISTER);
        return id != null && lifecycle().retryNow(id);
    }

    /** @return whether there was such a removal */
    boolean dismiss(String id) {
        root.get().checkPermission(Jenkins.ADMINISTER);
        return id != null && lifecycle().dismiss(id);
    }
}
