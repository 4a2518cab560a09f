package io.jenkins.plugins.databricksgit.core.lifecycle;

import io.jenkins.plugins.databricksgit.core.Lease;
import io.jenkins.plugins.databricksgit.core.Principal;
import io.jenkins.plugins.databricksgit.core.PushResult;
import io.jenkins.plugins.databricksgit.core.UnansweredPush;
import java.io.Serializable;
import java.util.Objects;

/**
 * A credential that a build asked to remove and that is not removed yet. It is written before the push is sent, so
 * that a push interrupted half-way is still cleaned up, and completed with the lease once the push succeeded.
 *
 * <p>It records what the push targeted, so that the removal goes there whatever changes meanwhile: the workspace URL,
 * the Jenkins credential the push used for Databricks, the service principal as named and as resolved (numeric id),
 * the {@code name} the push writes (its ownership tag, or the user's name) and the token's fingerprint; once pushed,
 * the Databricks credential id. The credential itself is never stored: the removal reads it again.
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

    /** Why a removal is still pending, for administrators. */
    public enum Why {
        /** The push succeeded and no removal was sent yet (the build ended first, or is still running). */
        NOT_SENT,
        /** The push got no answer: the removal compares the credential's name with the push's before deleting. */
        OUTCOME_UNKNOWN,
        /** A removal was sent and failed; it is retried with a growing delay. */
        RETRYING
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
    private final String applicationId;
    private final String gitProvider;
    private final String leaseHolderId;
    private final String leaseHolder;
    private final String tokenFingerprint;
    private final String credentialName;
    private final String lastError;
    private final int attempts;
    private final long createdAt;

    private PendingRemoval(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.buildId = Objects.requireNonNull(b.buildId, "buildId");
        this.holder = b.holder;
        this.when = Objects.requireNonNull(b.when, "when");
        this.workspace = b.workspace;
        this.workspaceUrl = Objects.requireNonNull(b.workspaceUrl, "workspaceUrl");
        this.databricksCredentialsId = b.databricksCredentialsId;
        this.servicePrincipal = b.servicePrincipal;
        this.state = Objects.requireNonNull(b.state, "state");
        this.credentialId = b.credentialId;
        this.principalId = b.principalId;
        this.principalName = b.principalName;
        this.applicationId = b.applicationId;
        this.gitProvider = b.gitProvider;
        this.leaseHolderId = b.leaseHolderId;
        this.leaseHolder = b.leaseHolder;
        this.tokenFingerprint = b.tokenFingerprint;
        this.credentialName = b.credentialName;
        this.lastError = b.lastError;
        this.attempts = b.attempts;
        this.createdAt = b.createdAt;
    }

    /**
     * A removal recorded before its push is sent.
     *
     * @param workspace the configured workspace name, or {@code null} when the build named a host
     * @param databricksCredentialsId the Jenkins credential the push authenticates to Databricks with
     * @param servicePrincipal the service principal as the build named it (manager mode), or {@code null}
     * @param owner the principal whose credential the push writes, as resolved before the push
     * @param credentialName the {@code name} the push writes
     * @param tokenFingerprint the engine's fingerprint of the pushed token
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
            Principal owner,
            String credentialName,
            String tokenFingerprint,
            long now) {
        return builder()
                .id(id)
                .buildId(buildId)
                .holder(holder)
                .when(when)
                .workspace(workspace)
                .workspaceUrl(workspaceUrl)
                .databricksCredentialsId(databricksCredentialsId)
                .servicePrincipal(servicePrincipal)
                .state(State.PUSHING)
                .principal(owner == null ? 0 : owner.id(), owner == null ? null : owner.displayName())
                .applicationId(owner == null ? null : owner.applicationId())
                .credentialName(credentialName)
                .tokenFingerprint(tokenFingerprint)
                .createdAt(now)
                .build();
    }

    /** For rebuilding a removal from its persisted fields (a registry file, a build's saved action). */
    public static Builder builder() {
        return new Builder();
    }

    PendingRemoval pushed(PushResult result) {
        return toBuilder().state(State.PUSHED).lease(result.lease()).build();
    }

    PendingRemoval withError(String error, boolean attempted, boolean retrying) {
        return toBuilder()
                .state(retrying ? State.RETRYING : state)
                .lastError(error)
                .attempts(attempted ? attempts + 1 : attempts)
                .build();
    }

    /** The same removal at a later step. */
    private Builder toBuilder() {
        return builder()
                .id(id)
                .buildId(buildId)
                .holder(holder)
                .when(when)
                .workspace(workspace)
                .workspaceUrl(workspaceUrl)
                .databricksCredentialsId(databricksCredentialsId)
                .servicePrincipal(servicePrincipal)
                .state(state)
                .credentialId(credentialId)
                .principal(principalId, principalName)
                .applicationId(applicationId)
                .gitProvider(gitProvider)
                .leaseHolder(leaseHolderId, leaseHolder)
                .tokenFingerprint(tokenFingerprint)
                .credentialName(credentialName)
                .lastError(lastError)
                .attempts(attempts)
                .createdAt(createdAt);
    }

    /** Unique per push; also the push's id in its ownership tag. */
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

    /** The workspace URL the push went to; the removal goes there, whatever the configuration says now. */
    public String workspaceUrl() {
        return workspaceUrl;
    }

    /**
     * The Jenkins credential the push authenticated to Databricks with, or {@code null} when not recorded (a removal
     * recorded before it was).
     */
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

    /** The owner's numeric id, or 0 when not known (a service principal authenticating as itself with OAuth). */
    public long principalId() {
        return principalId;
    }

    /** The owner's applicationId, or {@code null} when not known (a user, or a principal named by numeric id). */
    public String applicationId() {
        return applicationId;
    }

    public String principalName() {
        return principalName;
    }

    /** The engine's fingerprint of the pushed token (no secret), or {@code null} when not recorded. */
    public String tokenFingerprint() {
        return tokenFingerprint;
    }

    /** The {@code name} the push writes (its ownership tag or the user's name), or {@code null} when not recorded. */
    public String credentialName() {
        return credentialName;
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
                tokenFingerprint,
                credentialName,
                applicationId,
                servicePrincipal != null && !servicePrincipal.isBlank());
    }

    /** What is known of the push when it never answered. */
    public UnansweredPush unanswered() {
        return new UnansweredPush(id, credentialName, tokenFingerprint, principalId, applicationId);
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

    /** Why the removal is still pending. */
    public Why why() {
        if (state == State.RETRYING) {
            return Why.RETRYING;
        }
        return leaseHolderId == null ? Why.OUTCOME_UNKNOWN : Why.NOT_SENT;
    }

    /** The workspace as users know it: the configured name, or else the URL. */
    public String workspaceLabel() {
        return workspace != null ? workspace : workspaceUrl;
    }

    /** The principal as users know it, as far as it is known. */
    public String principalLabel() {
        if (principalId != 0 || applicationId != null) {
            return new Principal(principalId, applicationId, principalName, true).label();
        }
        return servicePrincipal != null ? servicePrincipal : "the workspace's own identity";
    }

    @Override
    public String toString() {
        return "PendingRemoval[" + id + ", build " + buildId + ", " + state + ", credential " + credentialId + " of "
                + principalLabel() + " on " + workspaceUrl + "]";
    }

    /** Sets fields one by one; {@link #build()} checks the required ones. */
    public static final class Builder {
        private String id;
        private String buildId;
        private String holder;
        private When when;
        private String workspace;
        private String workspaceUrl;
        private String databricksCredentialsId;
        private String servicePrincipal;
        private State state = State.PUSHING;
        private long credentialId;
        private long principalId;
        private String principalName;
        private String applicationId;
        private String gitProvider;
        private String leaseHolderId;
        private String leaseHolder;
        private String tokenFingerprint;
        private String credentialName;
        private String lastError;
        private int attempts;
        private long createdAt;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder buildId(String buildId) {
            this.buildId = buildId;
            return this;
        }

        public Builder holder(String holder) {
            this.holder = holder;
            return this;
        }

        public Builder when(When when) {
            this.when = when;
            return this;
        }

        public Builder workspace(String workspace) {
            this.workspace = workspace;
            return this;
        }

        public Builder workspaceUrl(String workspaceUrl) {
            this.workspaceUrl = workspaceUrl;
            return this;
        }

        public Builder databricksCredentialsId(String databricksCredentialsId) {
            this.databricksCredentialsId = databricksCredentialsId;
            return this;
        }

        public Builder servicePrincipal(String servicePrincipal) {
            this.servicePrincipal = servicePrincipal;
            return this;
        }

        public Builder state(State state) {
            this.state = state;
            return this;
        }

        public Builder credentialId(long credentialId) {
            this.credentialId = credentialId;
            return this;
        }

        public Builder principal(long principalId, String principalName) {
            this.principalId = principalId;
            this.principalName = principalName;
            return this;
        }

        public Builder applicationId(String applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        public Builder gitProvider(String gitProvider) {
            this.gitProvider = gitProvider;
            return this;
        }

        public Builder leaseHolder(String leaseHolderId, String leaseHolder) {
            this.leaseHolderId = leaseHolderId;
            this.leaseHolder = leaseHolder;
            return this;
        }

        public Builder tokenFingerprint(String tokenFingerprint) {
            this.tokenFingerprint = tokenFingerprint;
            return this;
        }

        public Builder credentialName(String credentialName) {
            this.credentialName = credentialName;
            return this;
        }

        /** Everything a lease says; {@code null} leaves the fields as they are. */
        public Builder lease(Lease lease) {
            if (lease == null) {
                return this;
            }
            return credentialId(lease.credentialId())
                    .principal(lease.principalId(), lease.principalName())
                    .applicationId(lease.applicationId() != null ? lease.applicationId() : applicationId)
                    .gitProvider(lease.gitProvider())
                    .leaseHolder(lease.holderId(), lease.holder())
                    .tokenFingerprint(lease.tokenFingerprint())
                    .credentialName(lease.credentialName() != null ? lease.credentialName() : credentialName);
        }

        public Builder lastError(String lastError) {
            this.lastError = lastError;
            return this;
        }

        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        public Builder createdAt(long createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public PendingRemoval build() {
            return new PendingRemoval(this);
        }
    }
}
