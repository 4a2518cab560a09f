package io.jenkins.plugins.databricksgit.workspace;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.databricksgit.DatabricksServicePrincipalCredentials;
import io.jenkins.plugins.databricksgit.core.AccessRule;
import io.jenkins.plugins.databricksgit.core.BitbucketClient;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.GitCredential;
import io.jenkins.plugins.databricksgit.core.Principal;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import io.jenkins.plugins.databricksgit.http.JenkinsHttp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One Databricks workspace that pipelines may push Git credentials to, by name. The credential named by
 * {@link #getCredentialsId()} (Secret text holding a personal access token, or a
 * {@link DatabricksServicePrincipalCredentials}) is looked up in the context of the build that uses the workspace,
 * so folder credentials keep their meaning.
 */
public final class DatabricksWorkspace extends AbstractDescribableImpl<DatabricksWorkspace> {
    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,19}");
    private static final Pattern APPLICATION_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String name;
    private final String url;
    private final String credentialsId;

    @CheckForNull
    private String servicePrincipal;

    @CheckForNull
    private String additionalServicePrincipals;

    @CheckForNull
    private String bitbucketApiUrl;

    @CheckForNull
    private String allowedJobs;

    @DataBoundConstructor
    public DatabricksWorkspace(String name, String url, String credentialsId) {
        this.name = trimToEmpty(name);
        this.url = trimToEmpty(url);
        this.credentialsId = trimToEmpty(credentialsId);
    }

    /** The name pipelines use ({@code workspace: 'prod'}). */
    @NonNull
    public String getName() {
        return name;
    }

    /** The workspace URL as entered. */
    @NonNull
    public String getUrl() {
        return url;
    }

    @NonNull
    public String getCredentialsId() {
        return credentialsId;
    }

    /**
     * The service principal whose Git credential is managed by default (applicationId or numeric id), when the
     * credential belongs to a Service Principal Manager; {@code null} when the credential is the service principal's
     * own. Jobs may name it or one of {@link #getAdditionalServicePrincipals()}, nothing else.
     */
    @CheckForNull
    public String getServicePrincipal() {
        return servicePrincipal;
    }

    @DataBoundSetter
    public void setServicePrincipal(@CheckForNull String servicePrincipal) {
        this.servicePrincipal = trimToNull(servicePrincipal);
    }

    /**
     * Further service principals (applicationId or numeric id, one per line) that jobs may name with
     * {@code servicePrincipal:}, besides the default ({@link #getServicePrincipal()}, or the credential's own principal
     * when that is empty). Jobs may name no other.
     */
    @CheckForNull
    public String getAdditionalServicePrincipals() {
        return additionalServicePrincipals;
    }

    @DataBoundSetter
    public void setAdditionalServicePrincipals(@CheckForNull String additionalServicePrincipals) {
        List<String> entries = entries(additionalServicePrincipals);
        this.additionalServicePrincipals = entries.isEmpty() ? null : String.join("\n", entries);
    }

    /**
     * The service principals jobs may target: the default first ({@code null} for the credential's own principal),
     * then the additional ones, without repeats.
     */
    @NonNull
    public List<String> servicePrincipals() {
        List<String> all = new ArrayList<>();
        all.add(servicePrincipal);
        for (String e : entries(additionalServicePrincipals)) {
            if (!all.contains(e)) {
                all.add(e);
            }
        }
        return Collections.unmodifiableList(all);
    }

    /** One entry per line or comma, blank ones and {@code #} comments left out. */
    static List<String> entries(@CheckForNull String text) {
        List<String> entries = new ArrayList<>();
        if (text == null) {
            return entries;
        }
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            for (String part : l.split(",")) {
                String p = part.strip();
                if (!p.isEmpty() && !entries.contains(p)) {
                    entries.add(p);
                }
            }
        }
        return entries;
    }

    /** A Bitbucket API base URL to use instead of {@value BitbucketClient#DEFAULT_API_URL} (e.g. via a proxy). */
    @CheckForNull
    public String getBitbucketApiUrl() {
        return bitbucketApiUrl;
    }

    @DataBoundSetter
    public void setBitbucketApiUrl(@CheckForNull String bitbucketApiUrl) {
        this.bitbucketApiUrl = trimToNull(bitbucketApiUrl);
    }

    /** Folders and jobs (full names, one per line) allowed to use this workspace; empty allows every job. */
    @CheckForNull
    public String getAllowedJobs() {
        return allowedJobs;
    }

    @DataBoundSetter
    public void setAllowedJobs(@CheckForNull String allowedJobs) {
        this.allowedJobs = trimToNull(allowedJobs);
    }

    /** The Bitbucket API base URL in effect. */
    @NonNull
    public String bitbucketApi() {
        return bitbucketApiUrl == null ? BitbucketClient.DEFAULT_API_URL : bitbucketApiUrl;
    }

    /**
     * The parsed access rule.
     *
     * @throws IllegalArgumentException when the list is malformed; callers refuse then, since a typo must not open
     *     the workspace to every job
     */
    @NonNull
    public AccessRule accessRule() {
        return AccessRule.parse(allowedJobs);
    }

    private static String trimToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "DatabricksWorkspace[" + name + " " + url + ", credentials " + credentialsId + "]";
    }

    /** Lists the credentials a workspace may name, as the admin who configures it can see them. */
    interface CredentialsSource {
        List<StandardCredentials> globalCredentials();
    }

    @Extension
    @Symbol("databricksWorkspace")
    public static final class DescriptorImpl extends Descriptor<DatabricksWorkspace> {
        private final Supplier<AccessControlled> root;
        private final CredentialsSource credentials;
        private final BiFunction<DatabricksWorkspace, StandardCredentials, DatabricksClient> clients;

        public DescriptorImpl() {
            this(
                    Jenkins::get,
                    () -> CredentialsProvider.lookupCredentialsInItemGroup(
                            StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                    (workspace, credential) -> WorkspaceClients.client(workspace, credential, JenkinsHttp.settings()));
        }

        DescriptorImpl(
                Supplier<AccessControlled> root,
                CredentialsSource credentials,
                BiFunction<DatabricksWorkspace, StandardCredentials, DatabricksClient> clients) {
            this.root = root;
            this.credentials = credentials;
            this.clients = clients;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DatabricksWorkspace_displayName();
        }

        private boolean canAdminister() {
            return root.get().hasPermission(Jenkins.ADMINISTER);
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            if (!canAdminister()) {
                return FormValidation.ok();
            }
            return trimToNull(value) == null
                    ? FormValidation.error(Messages.DatabricksWorkspace_nameRequired())
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            if (!canAdminister()) {
                return FormValidation.ok();
            }
            try {
                WorkspaceUrl parsed = WorkspaceUrl.parse(value);
                return parsed.dropped().isEmpty()
                        ? FormValidation.ok()
                        : FormValidation.warning(Messages.DatabricksWorkspace_urlDropped(
                                String.join(", ", parsed.dropped()), parsed.url()));
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckCredentialsId(@QueryParameter String value) {
            if (!canAdminister()) {
                return FormValidation.ok();
            }
            String id = trimToNull(value);
            if (id == null) {
                return FormValidation.error(Messages.DatabricksWorkspace_credentialsRequired());
            }
            for (StandardCredentials c : credentials.globalCredentials()) {
                if (c.getId().equals(id)) {
                    return usable(c)
                            ? FormValidation.ok()
                            : FormValidation.error(Messages.DatabricksWorkspace_credentialsWrongType(id));
                }
            }
            // It may still exist in the folders of the jobs that use the workspace: resolved per build.
            return FormValidation.warning(Messages.DatabricksWorkspace_credentialsNotFound(id));
        }

        @POST
        public FormValidation doCheckServicePrincipal(@QueryParameter String value) {
            if (!canAdminister()) {
                return FormValidation.ok();
            }
            String sp = trimToNull(value);
            if (sp == null
                    || NUMERIC_ID.matcher(sp).matches()
                    || APPLICATION_ID.matcher(sp).matches()) {
                return FormValidation.ok();
            }
            return FormValidation.error(Messages.DatabricksWorkspace_servicePrincipalInvalid());
        }

        @POST
        public FormValidation doCheckAdditionalServicePrincipals(@QueryParameter String value) {
            if (!canAdminister()) {
                return FormValidation.ok();
            }
            for (String sp : entries(value)) {
                if (!NUMERIC_ID.matcher(sp).matches()
                        && !APPLICATION_ID.matcher(sp).matches()) {
                    return FormValidation.error(Messages.DatabricksWorkspace_additionalServicePrincipalInvalid(sp));
                }
            }
            return FormValidation.ok();
        }

        /** Applies the rule builds apply ({@link BitbucketClient#apiUrl}) and says where tokens will be checked. */
        @POST
        public FormValidation doCheckBitbucketApiUrl(@QueryParameter String value) {
            if (!canAdminister()) {
                return FormValidation.ok();
            }
            if (trimToNull(value) == null) {
                return FormValidation.ok();
            }
            try {
                return FormValidation.ok(
                        Messages.DatabricksWorkspace_bitbucketApiUrlUsed(BitbucketClient.apiUrl(value)));
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckAllowedJobs(@QueryParameter String value) {
            if (!canAdminister()) {
                return FormValidation.ok();
            }
            try {
                AccessRule rule = AccessRule.parse(value);
                return rule.allowsAll()
                        ? FormValidation.warning(Messages.DatabricksWorkspace_allowedJobsEmpty())
                        : FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            return canAdminister()
                    ? CredentialChoices.JENKINS.matching(CredentialChoices.Kind.DATABRICKS, null, credentialsId)
                    : CredentialChoices.JENKINS.currentOnly(credentialsId);
        }

        /**
         * Authenticates with the workspace's credential (as seen at the global level), names the caller and checks
         * that it can list the target service principal's Git credentials. Never shows a secret.
         */
        @POST
        public FormValidation doTestConnection(
                @QueryParameter String url,
                @QueryParameter String credentialsId,
                @QueryParameter String servicePrincipal) {
            root.get().checkPermission(Jenkins.ADMINISTER);
            DatabricksWorkspace workspace = new DatabricksWorkspace("test", url, credentialsId);
            workspace.setServicePrincipal(servicePrincipal);
            FormValidation urlCheck = doCheckUrl(url);
            if (urlCheck.kind == FormValidation.Kind.ERROR) {
                return urlCheck;
            }
            StandardCredentials credential = null;
            for (StandardCredentials c : credentials.globalCredentials()) {
                if (c.getId().equals(workspace.getCredentialsId())) {
                    credential = c;
                }
            }
            if (credential == null || !usable(credential)) {
                return FormValidation.error(
                        Messages.DatabricksWorkspace_testNeedsGlobalCredentials(workspace.getCredentialsId()));
            }
            try {
                DatabricksClient client = clients.apply(workspace, credential);
                Principal me = client.me();
                String who = Messages.DatabricksWorkspace_testAuthenticated(describe(me));
                Long principalId = null;
                String target = describe(me);
                if (workspace.getServicePrincipal() != null) {
                    Principal sp = client.resolveServicePrincipal(workspace.getServicePrincipal());
                    principalId = sp.id();
                    target = describe(sp);
                }
                List<GitCredential> existing = client.listGitCredentials(principalId);
                return FormValidation.ok(
                        who + "\n" + Messages.DatabricksWorkspace_testCanList(target, existing.size()));
            } catch (DatabricksException | IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        private static String describe(Principal p) {
            return p.applicationId() == null
                    ? p.displayName() + " (id " + p.id() + ")"
                    : p.displayName() + " (application id " + p.applicationId() + ")";
        }

        static boolean usable(StandardCredentials c) {
            return c instanceof StringCredentials || c instanceof DatabricksServicePrincipalCredentials;
        }
    }
}
