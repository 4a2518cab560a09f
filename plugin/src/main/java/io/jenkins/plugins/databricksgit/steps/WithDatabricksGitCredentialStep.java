package io.jenkins.plugins.databricksgit.steps;

import hudson.Extension;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code withDatabricksGitCredential { ... }}: the credential exists for the body only and is removed when the body
 * ends, on success, failure or abort, and after a controller restart. Returns the body's value.
 */
public class WithDatabricksGitCredentialStep extends AbstractGitCredentialStep {
    @DataBoundConstructor
    public WithDatabricksGitCredentialStep(String credentialsId) {
        super(credentialsId);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new GitCredentialStepExecution(this, context, true, false);
    }

    @Extension
    public static final class DescriptorImpl extends GitCredentialStepDescriptor {
        @Override
        public String getFunctionName() {
            return "withDatabricksGitCredential";
        }

        @Override
        public String getDisplayName() {
            return Messages.WithDatabricksGitCredentialStep_DisplayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }
    }
}
