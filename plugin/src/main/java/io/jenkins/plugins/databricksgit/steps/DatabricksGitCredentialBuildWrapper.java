package io.jenkins.plugins.databricksgit.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapper;
import hudson.tasks.BuildWrapperDescriptor;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.core.lifecycle.Cleanup;
import io.jenkins.plugins.databricksgit.core.lifecycle.Pushed;
import java.io.IOException;
import jenkins.tasks.SimpleBuildWrapper;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Freestyle: "Push a Bitbucket token to a Databricks service principal". The credential is pushed before the build
 * steps and removed by the {@link Disposer}, which runs whatever the result. Needs no workspace.
 */
public class DatabricksGitCredentialBuildWrapper extends SimpleBuildWrapper implements PushParameters {
    private final PushSettings settings;

    @DataBoundConstructor
    public DatabricksGitCredentialBuildWrapper(String credentialsId) {
        this.settings = new PushSettings(credentialsId);
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        Disposer disposer = push(build, listener);
        if (disposer != null) {
            context.setDisposer(disposer);
        }
    }

    /** Pushes; returns what removes the credential at the end, or {@code null} when there is nothing to remove. */
    Disposer push(Run<?, ?> build, TaskListener listener) throws IOException, InterruptedException {
        Pushes.validate(this);
        StepsBackend backend = StepsBackend.get();
        BuildContext context = new BuildContext(build, listener);
        ResolvedPush resolved = backend.resolve(context, this);
        Pushed pushed = Pushes.push(backend, context, this, Cleanup.AT_BLOCK_END, resolved);
        return pushed.removalId() == null ? null : new RemoveAtEnd(pushed.removalId());
    }

    /** Masks the token in everything the build prints; {@code null} when the credential cannot be found yet. */
    @Override
    public ConsoleLogFilter createLoggerDecorator(Run<?, ?> build) {
        if (getCredentialsId() == null) {
            return null;
        }
        StepsBackend backend = StepsBackend.get();
        Secret token = backend.tokenSecret(build, getCredentialsId());
        return token == null ? null : new MaskingConsoleLogFilter(token, backend.charset(build));
    }

    /** Serialized with the build: holds the removal id only. */
    static final class RemoveAtEnd extends Disposer {
        private static final long serialVersionUID = 1L;

        private final String removalId;

        RemoveAtEnd(String removalId) {
            this.removalId = removalId;
        }

        @Override
        public void tearDown(Run<?, ?> build, TaskListener listener) throws IOException, InterruptedException {
            StepsBackend backend = StepsBackend.get();
            BuildContext context = new BuildContext(build, listener);
            backend.lifecycle().remove(removalId, backend.store(context), context.log());
        }

        String removalId() {
            return removalId;
        }
    }

    @Override
    public String getCredentialsId() {
        return settings.getCredentialsId();
    }

    @Override
    public String getWorkspace() {
        return settings.getWorkspace();
    }

    @DataBoundSetter
    public void setWorkspace(String workspace) {
        settings.setWorkspace(workspace);
    }

    @Override
    public String getHost() {
        return settings.getHost();
    }

    @DataBoundSetter
    public void setHost(String host) {
        settings.setHost(host);
    }

    @Override
    public String getDatabricksCredentialsId() {
        return settings.getDatabricksCredentialsId();
    }

    @DataBoundSetter
    public void setDatabricksCredentialsId(String databricksCredentialsId) {
        settings.setDatabricksCredentialsId(databricksCredentialsId);
    }

    @Override
    public String getServicePrincipal() {
        return settings.getServicePrincipal();
    }

    @DataBoundSetter
    public void setServicePrincipal(String servicePrincipal) {
        settings.setServicePrincipal(servicePrincipal);
    }

    @Override
    public String getName() {
        return settings.getName();
    }

    @DataBoundSetter
    public void setName(String name) {
        settings.setName(name);
    }

    @Override
    public String getGitEmail() {
        return settings.getGitEmail();
    }

    @DataBoundSetter
    public void setGitEmail(String gitEmail) {
        settings.setGitEmail(gitEmail);
    }

    @Override
    public Boolean getVerifyToken() {
        return settings.getVerifyToken();
    }

    @DataBoundSetter
    public void setVerifyToken(Boolean verifyToken) {
        settings.setVerifyToken(verifyToken);
    }

    @Override
    public Integer getWaitTimeout() {
        return settings.getWaitTimeout();
    }

    /** Seconds; {@code null} or unset means the default (10 minutes). */
    @DataBoundSetter
    public void setWaitTimeout(Integer waitTimeout) {
        settings.setWaitTimeout(waitTimeout);
    }

    /** Offered to every project type that supports build wrappers: the push needs nothing project-specific. */
    @Extension
    public static final class DescriptorImpl extends BuildWrapperDescriptor {
        private final PushForm form;

        public DescriptorImpl() {
            this(PushForm.inJenkins());
        }

        DescriptorImpl(PushForm form) {
            this.form = form;
        }

        @Override
        public boolean isApplicable(AbstractProject<?, ?> item) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.DatabricksGitCredentialBuildWrapper_DisplayName();
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return form.credentialsIdItems(item, credentialsId);
        }

        /** Binds the form as Jenkins does, but keeps "automatic" for the token check as unset (see {@link PushForm}). */
        @Override
        public BuildWrapper newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            return super.newInstance(req, PushForm.automaticVerifyUnset(formData));
        }

        public ListBoxModel doFillVerifyTokenItems() {
            return PushForm.verifyTokenItems();
        }

        public ListBoxModel doFillWorkspaceItems(@AncestorInPath Item item, @QueryParameter String workspace) {
            return form.workspaceItems(item, workspace);
        }

        public ListBoxModel doFillDatabricksCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String databricksCredentialsId) {
            return form.databricksCredentialsIdItems(item, databricksCredentialsId);
        }
    }
}
