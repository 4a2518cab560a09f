package io.jenkins.plugins.databricksgit.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
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
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "withDatabricksGitCredential";
        }

        @Override
        public String getDisplayName() {
            return StepMessages.get("WithDatabricksGitCredentialStep.DisplayName");
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
