package io.jenkins.plugins.databricksgit.steps;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.databricksgit.core.Lease;
import io.jenkins.plugins.databricksgit.core.lifecycle.PendingRemoval;
import io.jenkins.plugins.databricksgit.core.lifecycle.RemovalStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The credentials a build asked to remove and that are not removed yet, saved in its {@code build.xml}: written
 * before each push is sent, cleared once the removal succeeded. The build-completion safety net and the restart
 * restore read it. Holds no secret.
 *
 * <p>Saved as this plugin's own plain {@link Entry} objects rather than the core's {@link PendingRemoval}: Jenkins'
 * class filter lets XStream write and read classes of plugin jars, but not of libraries bundled in them.
 */
public final class PendingRemovalsAction extends InvisibleAction {
    private final List<Entry> removals = new ArrayList<>();

    synchronized void put(PendingRemoval removal) {
        removals.removeIf(r -> r.id.equals(removal.id()));
        removals.add(new Entry(removal));
    }

    synchronized boolean delete(String id) {
        return removals.removeIf(r -> r.id.equals(id));
    }

    public synchronized List<PendingRemoval> getRemovals() {
        return removals.stream().map(Entry::toRemoval).toList();
    }

    /** One pending removal, field by field. */
    static final class Entry {
        private final String id;
        private final String buildId;
        private final String holder;
        private final String when;
        private final String workspace;
        private final String workspaceUrl;
        private final String databricksCredentialsId;
        private final String servicePrincipal;
        private final String state;
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

        Entry(PendingRemoval r) {
            Lease lease = r.lease();
            this.id = r.id();
            this.buildId = r.buildId();
            this.holder = r.holder();
            this.when = r.when().name();
            this.workspace = r.workspace();
            this.workspaceUrl = r.workspaceUrl();
            this.databricksCredentialsId = r.databricksCredentialsId();
            this.servicePrincipal = r.servicePrincipal();
            this.state = r.state().name();
            this.credentialId = r.credentialId();
            this.principalId = r.principalId();
            this.principalName = r.principalName();
            this.applicationId = r.applicationId();
            this.gitProvider = lease == null ? null : lease.gitProvider();
            this.leaseHolderId = lease == null ? null : lease.holderId();
            this.leaseHolder = lease == null ? null : lease.holder();
            this.tokenFingerprint = r.tokenFingerprint();
            this.credentialName = r.credentialName();
            this.lastError = r.lastError();
            this.attempts = r.attempts();
            this.createdAt = r.createdAt();
        }

        PendingRemoval toRemoval() {
            return PendingRemoval.builder()
                    .id(id)
                    .buildId(buildId)
                    .holder(holder)
                    .when(PendingRemoval.When.valueOf(when))
                    .workspace(workspace)
                    .workspaceUrl(workspaceUrl)
                    .databricksCredentialsId(databricksCredentialsId)
                    .servicePrincipal(servicePrincipal)
                    .state(PendingRemoval.State.valueOf(state))
                    .credentialId(credentialId)
                    .principal(principalId, principalName)
                    .applicationId(applicationId)
                    .gitProvider(gitProvider)
                    .leaseHolder(leaseHolderId, leaseHolder)
                    .tokenFingerprint(tokenFingerprint)
                    .credentialName(credentialName)
                    .lastError(lastError)
                    .attempts(attempts)
                    .createdAt(createdAt)
                    .build();
        }
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
