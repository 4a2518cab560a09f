package io.jenkins.plugins.databricksgit.steps;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;

/** What the descriptors of both steps share: the required context and the form's drop-downs. */
public abstract class GitCredentialStepDescriptor extends StepDescriptor {
    private final PushForm form;

    protected GitCredentialStepDescriptor() {
        this(PushForm.inJenkins());
    }

    GitCredentialStepDescriptor(PushForm form) {
        this.form = form;
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return form.credentialsIdItems(item, credentialsId);
    }

    /** Binds the form as Jenkins does, but keeps "automatic" for the token check as unset (see {@link PushForm}). */
    @Override
    public Step newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
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
