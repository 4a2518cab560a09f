package io.jenkins.plugins.databricksgit.workspace;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.security.AccessControlled;
import hudson.util.FormValidation;
import io.jenkins.plugins.databricksgit.core.AccessRule;
import io.jenkins.plugins.databricksgit.core.BitbucketClient;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.HostPatterns;
import io.jenkins.plugins.databricksgit.http.JenkinsHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The Databricks workspaces that builds may push Git credentials to (Manage Jenkins, System), and the hosts a
 * pipeline may name instead of a workspace. Builds name a workspace; what the workspace's credential may do is
 * therefore limited to the jobs its allowed list names, and a credential a workspace uses is refused anywhere else.
 */
@Extension
@Symbol("databricksWorkspaces")
public class DatabricksWorkspaces extends GlobalConfiguration {
    /**
     * Comma-separated host patterns that replace {@link HostPatterns#DATABRICKS_DEFAULTS} until an administrator saves
     * a list, so that a test controller or an air-gapped one can allow e.g. {@code 127.0.0.1} without a configuration
     * step. Empty disables hosts named by pipelines.
     */
    public static final String ALLOWED_HOSTS_PROPERTY = "io.jenkins.plugins.databricksgit.allowedHosts";

    private List<DatabricksWorkspace> workspaces = new ArrayList<>();

    /** As saved by an administrator (one pattern per line, may be empty); {@code null}: never saved. */
    @CheckForNull
    private String allowedHosts;

    /** Who may see the form checks: Jenkins itself when {@code null}; replaced in unit tests. */
    @CheckForNull
    private transient Supplier<AccessControlled> root;

    public DatabricksWorkspaces() {
        load();
    }

    /** The configuration of this controller. */
    public static DatabricksWorkspaces get() {
        return Jenkins.get().getDescriptorByType(DatabricksWorkspaces.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.DatabricksWorkspaces_displayName();
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

    /**
     * The hosts pipelines may name with {@code host:}, one pattern per line, as in effect: what an administrator
     * saved, else the system property {@value #ALLOWED_HOSTS_PROPERTY}, else the Databricks domains. Saving the form
     * (or applying Configuration as Code) therefore keeps what was in effect.
     */
    @NonNull
    public String getAllowedHosts() {
        if (allowedHosts != null) {
            return allowedHosts;
        }
        String property = System.getProperty(ALLOWED_HOSTS_PROPERTY);
        if (property != null) {
            return String.join(
                    "\n",
                    property.strip().isEmpty()
                            ? new String[0]
                            : property.strip().split("\\s*,\\s*"));
        }
        return String.join("\n", HostPatterns.DATABRICKS_DEFAULTS);
    }

    /** An empty value disables hosts named by pipelines: only configured workspaces can be used then. */
    @DataBoundSetter
    public void setAllowedHosts(@CheckForNull String allowedHosts) {
        this.allowedHosts = allowedHosts == null ? "" : allowedHosts.strip();
        save();
    }

    /**
     * The hosts pipelines may name.
     *
     * @throws IllegalArgumentException when the list in effect is malformed; callers refuse every host then
     */
    @NonNull
    public HostPatterns allowedHostPatterns() {
        return HostPatterns.parse(getAllowedHosts());
    }

    /** Whether pipelines may name a host at all: a valid list in effect that is not empty. */
    public boolean adHocHostsAllowed() {
        try {
            return !allowedHostPatterns().isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
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

    /** The names of the workspaces whose credential is {@code credentialsId}, in configuration order. */
    @NonNull
    public List<String> workspacesUsing(@CheckForNull String credentialsId) {
        List<String> names = new ArrayList<>();
        if (credentialsId == null) {
            return names;
        }
        for (DatabricksWorkspace w : workspaces) {
            if (w.getCredentialsId().equals(credentialsId.strip())) {
                names.add(w.getName());
            }
        }
        return names;
    }

    /** The workspaces a job with this full name may use; a malformed allowed list admits nobody. */
    @NonNull
    public List<DatabricksWorkspace> workspacesFor(@NonNull String jobFullName) {
        List<DatabricksWorkspace> allowed = new ArrayList<>();
        for (DatabricksWorkspace w : workspaces) {
            try {
                if (w.accessRule().allows(jobFullName)) {
                    allowed.add(w);
                }
            } catch (IllegalArgumentException e) {
                // refused: see resolve
            }
        }
        return allowed;
    }

    /**
     * The Bitbucket API a credential form's <em>Verify token</em> asks: the first Bitbucket API URL an administrator
     * configured on a workspace (a forwarding proxy is set where Jenkins cannot reach Bitbucket directly), else the
     * public one. Never a URL from a request.
     */
    @NonNull
    public String bitbucketApiForForms() {
        for (DatabricksWorkspace w : workspaces) {
            if (w.getBitbucketApiUrl() != null) {
                return w.getBitbucketApiUrl();
            }
        }
        return BitbucketClient.DEFAULT_API_URL;
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
        return client(workspace, build, BuildCredentials.JENKINS, JenkinsHttp.settings());
    }

    /** As {@link #client(DatabricksWorkspace, Run)}, with the credentials and HTTP settings given. */
    @NonNull
    public static DatabricksClient client(
            DatabricksWorkspace workspace, Run<?, ?> build, BuildCredentials credentials, ClientSettings settings)
            throws AbortException {
        String id = workspace.getCredentialsId();
        if (id.isEmpty()) {
            throw new AbortException(Messages.DatabricksWorkspaces_noCredentialsId(workspace.getName()));
        }
        StandardCredentials credential = credentials.find(id, build);
        if (credential == null) {
            throw new AbortException(Messages.DatabricksWorkspaces_credentialsNotFound(id, workspace.getName()));
        }
        if (!DatabricksWorkspace.DescriptorImpl.usable(credential)) {
            throw new AbortException(Messages.DatabricksWorkspaces_credentialsWrongKind(
                    id, credentials.kind(credential), workspace.getName()));
        }
        credentials.track(build, credential);
        try {
            return WorkspaceClients.client(workspace, credential, settings);
        } catch (IllegalArgumentException e) {
            throw WorkspaceClients.abort(e);
        }
    }

    void setRoot(Supplier<AccessControlled> root) {
        this.root = root;
    }

    private AccessControlled root() {
        return root == null ? Jenkins.get() : root.get();
    }

    /** Checks the patterns and says what they allow. */
    @POST
    public FormValidation doCheckAllowedHosts(@QueryParameter String value) {
        if (!root().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        try {
            HostPatterns patterns = HostPatterns.parse(value);
            return patterns.isEmpty()
                    ? FormValidation.warning(Messages.DatabricksWorkspaces_allowedHostsEmpty())
                    : FormValidation.ok(Messages.DatabricksWorkspaces_allowedHostsOk(patterns));
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
