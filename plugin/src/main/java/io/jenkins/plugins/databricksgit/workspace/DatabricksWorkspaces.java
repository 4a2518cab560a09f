package io.jenkins.plugins.databricksgit.workspace;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import io.jenkins.plugins.databricksgit.core.AccessRule;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.http.JenkinsHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The Databricks workspaces that builds may push Git credentials to (Manage Jenkins, System). Builds name a
 * workspace; what the workspace's credential may do is therefore limited to the jobs its allowed list names.
 */
@Extension
@Symbol("databricksWorkspaces")
public class DatabricksWorkspaces extends GlobalConfiguration {
    private List<DatabricksWorkspace> workspaces = new ArrayList<>();

    public DatabricksWorkspaces() {
        load();
    }

    /** The configuration of this controller. */
    public static DatabricksWorkspaces get() {
        return Jenkins.get().getDescriptorByType(DatabricksWorkspaces.class);
    }

    @NonNull
    public List<DatabricksWorkspace> getWorkspaces() {
        return List.copyOf(workspaces);
    }

    @DataBoundSetter
    public void setWorkspaces(@CheckForNull List<DatabricksWorkspace> workspaces) {
        this.workspaces = workspaces == null ? new ArrayList<>() : new ArrayList<>(workspaces);
        // Configuration as Code only calls setters.
        save();
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // A form without any workspace submits no "workspaces" entry, so binding alone would keep the last one.
        workspaces = new ArrayList<>();
        req.bindJSON(this, json);
        save();
        return true;
    }

    /** The workspace with this name, or {@code null}. */
    @CheckForNull
    public DatabricksWorkspace getWorkspace(String name) {
        for (DatabricksWorkspace w : workspaces) {
            if (w.getName().equals(name)) {
                return w;
            }
        }
        return null;
    }

    /**
     * The workspace a build may use under this name.
     *
     * @throws AbortException when no workspace has that name, or the build's job is not among the folders and jobs
     *     the workspace allows (the message says which and how to fix it)
     */
    @NonNull
    public DatabricksWorkspace resolve(String name, Run<?, ?> build) throws AbortException {
        return resolve(name, build.getParent().getFullName());
    }

    /** As {@link #resolve(String, Run)}, for a job's full name. */
    @NonNull
    public DatabricksWorkspace resolve(String name, String jobFullName) throws AbortException {
        if (name == null || name.isBlank()) {
            throw new AbortException(Messages.DatabricksWorkspaces_nameRequired(names()));
        }
        DatabricksWorkspace workspace = getWorkspace(name.strip());
        if (workspace == null) {
            throw new AbortException(Messages.DatabricksWorkspaces_unknown(name.strip(), names()));
        }
        AccessRule rule;
        try {
            rule = workspace.accessRule();
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.DatabricksWorkspaces_ruleInvalid(workspace.getName(), e.getMessage()));
        }
        if (!rule.allows(jobFullName)) {
            throw new AbortException(Messages.DatabricksWorkspaces_notAllowed(jobFullName, workspace.getName(), rule));
        }
        return workspace;
    }

    private String names() {
        return workspaces.isEmpty()
                ? Messages.DatabricksWorkspaces_none()
                : workspaces.stream().map(DatabricksWorkspace::getName).collect(Collectors.joining(", "));
    }

    /**
     * A client for the workspace, authenticated with its credential as found in the context of the build (folder
     * credentials included); the use is recorded for credential tracking.
     *
     * @throws AbortException when the credential is missing, of another kind or empty
     */
    @NonNull
    public static DatabricksClient client(DatabricksWorkspace workspace, Run<?, ?> build) throws AbortException {
        String id = workspace.getCredentialsId();
        if (id.isEmpty()) {
            throw new AbortException(Messages.DatabricksWorkspaces_noCredentialsId(workspace.getName()));
        }
        StandardCredentials credential = CredentialsProvider.findCredentialById(id, StandardCredentials.class, build);
        if (credential == null) {
            throw new AbortException(Messages.DatabricksWorkspaces_credentialsNotFound(id, workspace.getName()));
        }
        CredentialsProvider.track(build, credential);
        try {
            return WorkspaceClients.client(workspace, credential, JenkinsHttp.settings());
        } catch (IllegalArgumentException e) {
            throw WorkspaceClients.abort(e);
        }
    }
}
