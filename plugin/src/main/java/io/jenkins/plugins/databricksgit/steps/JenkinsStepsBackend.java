package io.jenkins.plugins.databricksgit.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.GitCredentialEngine;
import io.jenkins.plugins.databricksgit.core.Target;
import io.jenkins.plugins.databricksgit.core.lifecycle.CredentialLifecycle;
import io.jenkins.plugins.databricksgit.core.lifecycle.LifecycleHost;
import io.jenkins.plugins.databricksgit.core.lifecycle.LifecycleSettings;
import io.jenkins.plugins.databricksgit.core.lifecycle.PendingRemoval;
import io.jenkins.plugins.databricksgit.core.lifecycle.PendingRemovalFile;
import io.jenkins.plugins.databricksgit.core.lifecycle.RemovalStore;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import java.io.File;
import java.io.IOException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/** The backend inside Jenkins: one engine and one lifecycle per controller. */
final class JenkinsStepsBackend implements StepsBackend, LifecycleHost {
    private static final Logger LOGGER = Logger.getLogger(JenkinsStepsBackend.class.getName());

    /** Every pending removal of the controller, without secrets: what a restart restores. */
    static final String REGISTRY_FILE = "databricks-git-credential-pending-removals.json";

    private final PendingRemovalFile registry;
    private final CredentialLifecycle lifecycle;
    private final PushResolver resolver;

    private JenkinsStepsBackend(File registryFile) {
        this.registry = new PendingRemovalFile(registryFile.toPath());
        GitCredentialEngine engine = new GitCredentialEngine(ControllerFingerprints.get());
        this.lifecycle = new CredentialLifecycle(engine, this, LifecycleSettings.defaults());
        this.resolver = PushResolver.inJenkins(engine);
    }

    static StepsBackend create() {
        JenkinsStepsBackend backend =
                new JenkinsStepsBackend(new File(Jenkins.get().getRootDir(), REGISTRY_FILE));
        try {
            backend.lifecycle.restore(backend.registry.readAll());
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not restore pending Git credential removals from " + REGISTRY_FILE, e);
        }
        return backend;
    }

    @Override
    public CredentialLifecycle lifecycle() {
        return lifecycle;
    }

    @Override
    public ResolvedPush resolve(BuildContext build, PushParameters p) throws IOException, InterruptedException {
        return resolver.resolve(build, p);
    }

    /**
     * For a removal: the workspace its push used, a configured one (checked against its allowed folders for the
     * build) or the host the push was allowed to name. The Databricks credential is then resolved in the build's
     * context. Pushes are checked by {@link PushResolver}.
     */
    private static DatabricksWorkspace workspace(
            Run<?, ?> run, String name, String host, String databricksCredentialsId) throws AbortException {
        if (name != null) {
            return DatabricksWorkspaces.get().resolve(name, run);
        }
        return new DatabricksWorkspace(host, host, databricksCredentialsId);
    }

    private static StandardUsernamePasswordCredentials bitbucketCredential(Run<?, ?> run, String id)
            throws AbortException {
        if (id == null) {
            throw new AbortException(Messages.Pushes_credentialsIdMissing());
        }
        StandardUsernamePasswordCredentials c =
                CredentialsProvider.findCredentialById(id, StandardUsernamePasswordCredentials.class, run);
        if (c == null) {
            throw new AbortException(Messages.JenkinsStepsBackend_credentialNotFound(id));
        }
        if (!GitCredentialEngine.GIT_USERNAME.equals(c.getUsername())) {
            throw new AbortException(Messages.JenkinsStepsBackend_notXTokenAuth(id));
        }
        return c;
    }

    @Override
    public Secret tokenSecret(Run<?, ?> run, String credentialsId) {
        try {
            return bitbucketCredential(run, credentialsId).getPassword();
        } catch (AbortException e) {
            return null;
        }
    }

    @Override
    public String charset(Run<?, ?> run) {
        return run.getCharset().name();
    }

    @Override
    public RemovalStore store(BuildContext build) {
        return PendingRemovalsAction.storeOf(build.run());
    }

    @Override
    public String buildId(BuildContext build) {
        return build.run().getExternalizableId();
    }

    @Override
    public String holder(BuildContext build) {
        return build.run().getFullDisplayName();
    }

    @SuppressWarnings("try") // the context is only closed: it restores the caller's authentication
    private static Run<?, ?> run(String buildId) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return Run.fromExternalizableId(buildId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    @SuppressWarnings("try") // the context is only closed: it restores the caller's authentication
    public Target target(PendingRemoval removal) throws Exception {
        Run<?, ?> run = run(removal.buildId());
        if (run == null) {
            throw new IllegalStateException(Messages.JenkinsStepsBackend_buildGone(removal.buildId()));
        }
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return removalTarget(
                    removal, DatabricksWorkspaces.get()::getWorkspace, w -> DatabricksWorkspaces.client(w, run));
        }
    }

    /** A client for a workspace, with its credential looked up in the build's context. */
    interface WorkspaceClient {
        DatabricksClient client(DatabricksWorkspace workspace) throws AbortException;
    }

    /**
     * What a pending removal targets: the workspace URL and the Databricks credential its push used, as recorded then,
     * whatever the workspace configuration says now; so an edited, renamed or removed workspace neither redirects nor
     * breaks it. Only a removal recorded before the credential was recorded takes the configured workspace's.
     *
     * @param configured the configured workspace of a name, or {@code null}
     * @throws IllegalStateException for administrators, when the credential can no longer be found from the build
     */
    static Target removalTarget(
            PendingRemoval removal, Function<String, DatabricksWorkspace> configured, WorkspaceClient clients) {
        String credentialsId = removal.databricksCredentialsId();
        if (credentialsId == null && removal.workspace() != null) {
            DatabricksWorkspace now = configured.apply(removal.workspace());
            credentialsId = now == null ? null : now.getCredentialsId();
        }
        String what = Messages.JenkinsStepsBackend_removalWhat(
                removal.credentialId() != 0 ? String.valueOf(removal.credentialId()) : "(id unknown)",
                removal.principalLabel(),
                removal.workspaceUrl());
        if (credentialsId == null || credentialsId.isBlank()) {
            throw new IllegalStateException(
                    Messages.JenkinsStepsBackend_removalCredentialUnknown(removal.workspaceLabel(), what));
        }
        DatabricksWorkspace pushedTo =
                new DatabricksWorkspace(removal.workspaceLabel(), removal.workspaceUrl(), credentialsId);
        try {
            return new Target(clients.client(pushedTo), removal.servicePrincipal());
        } catch (AbortException e) {
            throw new IllegalStateException(Messages.JenkinsStepsBackend_removalCredentialGone(
                    credentialsId, removal.buildId(), removal.workspaceLabel(), e.getMessage(), what));
        }
    }

    @Override
    public RemovalStore store(String buildId) {
        Run<?, ?> run = run(buildId);
        return run == null ? RemovalStore.NONE : PendingRemovalsAction.storeOf(run);
    }

    @Override
    public boolean isBuilding(String buildId) {
        Run<?, ?> run = run(buildId);
        return run != null && run.isBuilding();
    }

    @Override
    public void saveRegistry(PendingRemovalFile.Contents contents) throws IOException {
        registry.write(contents);
    }
}
