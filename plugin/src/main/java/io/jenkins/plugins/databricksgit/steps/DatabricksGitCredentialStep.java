package io.jenkins.plugins.databricksgit.steps;

import hudson.Extension;
import org.jenkinsci.plugins.workflow.steps.StepContext;
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
    public static final class DescriptorImpl extends GitCredentialStepDescriptor {
        @Override
        public String getFunctionName() {
            return "databricksGitCredential";
        }

        @Override
        public String getDisplayName() {
            return Messages.DatabricksGitCredentialStep_DisplayName();
        }

        /** No body: Pipeline would reject one; the block form is {@code withDatabricksGitCredential}. */
        @Override
        public boolean takesImplicitBlockArgument() {
            return false;
        }
    }
}
