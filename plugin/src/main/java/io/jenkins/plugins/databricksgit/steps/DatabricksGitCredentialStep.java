package io.jenkins.plugins.databricksgit.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code databricksGitCredential}: pushes the token and returns the Databricks credential id; the credential is kept,
 * or removed when the build completes with {@code cleanup: true}. Takes no body: the block form is
 * {@link WithDatabricksGitCredentialStep}, because Pipeline cannot give one step an optional body.
 */
public class DatabricksGitCredentialStep extends AbstractGitCredentialStep {
    private boolean cleanup;

    @DataBoundConstructor
    public DatabricksGitCredentialStep(String credentialsId) {
        super(credentialsId);
    }

    public boolean isCleanup() {
        return cleanup;
    }

    /** Removes the credential when the build completes, whatever its result. */
    @DataBoundSetter
    public void setCleanup(boolean cleanup) {
        this.cleanup = cleanup;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new GitCredentialStepExecution(this, context, false, cleanup);
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "databricksGitCredential";
        }

        @Override
        public String getDisplayName() {
            return StepMessages.get("DatabricksGitCredentialStep.DisplayName");
        }

        /** No body: Pipeline would reject one; the block form is {@code withDatabricksGitCredential}. */
        @Override
        public boolean takesImplicitBlockArgument() {
            return false;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
