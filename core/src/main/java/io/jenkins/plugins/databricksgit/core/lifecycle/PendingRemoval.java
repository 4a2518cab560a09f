package io.jenkins.plugins.databricksgit.core.lifecycle;

import io.jenkins.plugins.databricksgit.core.Lease;
import io.jenkins.plugins.databricksgit.core.PushResult;
import java.io.Serializable;
import java.util.Objects;

/**
 * A credential that a build asked to remove and that is not removed yet. It is written before the push is sent, so
 * that a push interrupted half-way is still cleaned up, and completed with the lease once the push succeeded.
 *
 * <p>Holds no secret: everything here may be persisted with the build and listed to administrators. Deliberately a
 * plain class with plain fields rather than a record holding a {@link Lease}: Jenkins persists build actions with
 * XStream, which cannot set the fields of a record.
 */
public final class PendingRemoval implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where the removal stands. */
    public enum State {
        /** Recorded before the push; whether Databricks received it is not known yet. */
        PUSHING,
        /** Pushed; the lease says what to release. */
        PUSHED,
        /** A removal attempt failed; the background retry owns it now. */
        RETRYING
    }

    /** When the build asked the credential to go. */
    public enum When {
        BLOCK_END,
        BUILD_END
    }

    private final String id;
    private final String buildId;
    private final String holder;
    private final When when;
    private final String workspace;
    private final String workspaceUrl;
    private final String databricksCredentialsId;
    private final String servicePrincipal;
    private final State state;
    private final long credentialId;
    private final long principalId;
    private final String principalName;
    private final String gitProvider;
    private final String leaseHolderId;
    private final String leaseHolder;
    private final String tokenFingerprint;
    private final String lastError;
    private final int attempts;
    private final long createdAt;

    private PendingRemoval(
            String id,
            String buildId,
            String holder,
            When when,
            String workspace,
            String workspaceUrl,
            String databricksCredentialsId,
            String servicePrincipal,
            State state,
            Lease lease,
            String lastError,
            int attempts,
            long createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.buildId = Objects.requireNonNull(buildId, "buildId");
        this.holder = holder;
        this.when = Objects.requireNonNull(when, "when");
        this.workspace = workspace;
        this.workspaceUrl = Objects.requireNonNull(workspaceUrl, "workspaceUrl");
        this.databricksCredentialsId = databricksCredentialsId;
        this.servicePrincipal = servicePrincipal;
        this.state = state;
        this.credentialId = lease == null ? 0 : lease.credentialId();
        this.principalId = lease == null ? 0 : lease.principalId();
        this.principalName = lease == null ? null : lease.principalName();
        this.gitProvider = lease == null ? null : lease.gitProvider();
        this.leaseHolderId = lease == null ? null : lease.holderId();
        this.leaseHolder = lease == null ? null : lease.holder();
        this.tokenFingerprint = lease == null ? null : lease.tokenFingerprint();
        this.lastError = lastError;
        this.attempts = attempts;
        this.createdAt = createdAt;
    }

    /**
     * A removal recorded before its push is sent.
     *
     * @param workspace the configured workspace name, or {@code null} when the build named a host
     * @param databricksCredentialsId the Databricks credential the build named with its host, or {@code null}
     * @param servicePrincipal the service principal as the build named it (manager mode), or {@code null}
     */
    public static PendingRemoval beforePush(
            String id,
            String buildId,
            String holder,
            When when,
            String workspace,
            String workspaceUrl,
            String databricksCredentialsId,
            String servicePrincipal,
            long now) {
        return new PendingRemoval(
                id,
                buildId,
                holder,
                when,
                workspace,
                workspaceUrl,
                databricksCredentialsId,
                servicePrincipal,
                State.PUSHING,
                null,
                null,
                0,
                now);
    }

    /** Rebuilds a removal from its persisted fields (a registry file, a build's saved action). */
    public static PendingRemoval restored(
            String id,
            String buildId,
            String holder,
            When when,
            String workspace,
            String workspaceUrl,
            String databricksCredentialsId,
            String servicePrincipal,
            State state,
            Lease lease,
            String lastError,
            int attempts,
            long createdAt) {
        return new PendingRemoval(
                id,
                buildId,
                holder,
                when,
                workspace,
                workspaceUrl,
                databricksCredentialsId,
                servicePrincipal,
                state,
                lease,
                lastError,
                attempts,
                createdAt);
    }

    PendingRemoval pushed(PushResult result) {
        return next(State.PUSHED, result.lease(), null, attempts);
    }

    PendingRemoval withError(String error, boolean attempted, boolean retrying) {
        return next(retrying ? State.RETRYING : state, lease(), error, attempted ? attempts + 1 : attempts);
    }

    /** The same removal (same build, target and creation time) at a later step. */
    private PendingRemoval next(State state, Lease lease, String lastError, int attempts) {
        return new PendingRemoval(
                id,
                buildId,
                holder,
                when,
                workspace,
                workspaceUrl,
                databricksCredentialsId,
                servicePrincipal,
                state,
                lease,
                lastError,
                attempts,
                createdAt);
    }

    /** Unique per push. */
    public String id() {
        return id;
    }

    /** The build that pushed, as the host identifies it (Jenkins: the run's externalizable id). */
    public String buildId() {
        return buildId;
    }

    /** Who pushed, for messages (a build's display name). */
    public String holder() {
        return holder;
    }

    public When when() {
        return when;
    }

    /** The configured workspace name, or {@code null} when the build named a host. */
    public String workspace() {
        return workspace;
    }

    public String workspaceUrl() {
        return workspaceUrl;
    }

    public String databricksCredentialsId() {
        return databricksCredentialsId;
    }

    /** The service principal as the build named it (applicationId or numeric id), or {@code null}. */
    public String servicePrincipal() {
        return servicePrincipal;
    }

    public State state() {
        return state;
    }

    /** The Databricks credential id, or 0 while the push has not answered. */
    public long credentialId() {
        return credentialId;
    }

    /** The owner's numeric id, or 0 while the push has not answered. */
    public long principalId() {
        return principalId;
    }

    public String principalName() {
        return principalName;
    }

    /** The lease to release, or {@code null} while the push has not answered. */
    public Lease lease() {
        if (leaseHolderId == null) {
            return null;
        }
        return new Lease(
                workspaceUrl,
                principalId,
                principalName,
                gitProvider,
                credentialId,
                leaseHolderId,
                leaseHolder,
                tokenFingerprint);
    }

    /** The last failure, user-facing and without any secret, or {@code null}. */
    public String lastError() {
        return lastError;
    }

    /** Failed removal attempts so far. */
    public int attempts() {
        return attempts;
    }

    /** Epoch milliseconds when the removal was recorded. */
    public long createdAt() {
        return createdAt;
    }

    /** The workspace as users know it: the configured name, or else the URL. */
    public String workspaceLabel() {
        return workspace != null ? workspace : workspaceUrl;
    }

    /** The principal as users know it, as far as it is known. */
    public String principalLabel() {
        if (principalName != null) {
            return principalName + " (" + principalId + ")";
        }
        if (principalId != 0) {
            return String.valueOf(principalId);
        }
        return servicePrincipal != null ? servicePrincipal : "the workspace's own identity";
    }

    @Override
    public String toString() {
        return "PendingRemoval[" + id + ", build " + buildId + ", " + state + ", credential " + credentialId + " of "
                + principalLabel() + " on " + workspaceUrl + "]";
    }
}
