package io.jenkins.plugins.databricksgit.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.tasks.BuildWrapperDescriptor;
import org.junit.jupiter.api.Test;

class StepParametersTest {
    @Test
    void blankOptionalStringsBecomeNullSoTheSnippetGeneratorLeavesThemOut() {
        DatabricksGitCredentialStep step = new DatabricksGitCredentialStep("  ");
        step.setWorkspace(" ");
        step.setHost("");
        step.setDatabricksCredentialsId("\t");
        step.setServicePrincipal("");
        step.setName(" ");
        step.setGitEmail("");

        assertThat(step.getCredentialsId()).isNull();
        assertThat(step.getWorkspace()).isNull();
        assertThat(step.getHost()).isNull();
        assertThat(step.getDatabricksCredentialsId()).isNull();
        assertThat(step.getServicePrincipal()).isNull();
        assertThat(step.getName()).isNull();
        assertThat(step.getGitEmail()).isNull();
        assertThat(step.isCleanup()).isFalse();
        assertThat(step.getVerifyToken()).isNull();
        assertThat(step.getWaitTimeout()).isNull();
    }

    @Test
    void valuesAreTrimmed() {
        WithDatabricksGitCredentialStep step = new WithDatabricksGitCredentialStep(" bb-repo-token ");
        step.setWorkspace(" prod ");
        step.setServicePrincipal(" 8573549053511 ");
        assertThat(step.getCredentialsId()).isEqualTo("bb-repo-token");
        assertThat(step.getWorkspace()).isEqualTo("prod");
        assertThat(step.getServicePrincipal()).isEqualTo("8573549053511");
    }

    @Test
    void theWrapperNormalisesLikeTheSteps() {
        DatabricksGitCredentialBuildWrapper wrapper = new DatabricksGitCredentialBuildWrapper(" ");
        wrapper.setWorkspace("");
        wrapper.setName(" ");
        assertThat(wrapper.getCredentialsId()).isNull();
        assertThat(wrapper.getWorkspace()).isNull();
        assertThat(wrapper.getName()).isNull();
    }

    @Test
    void missingCredentialsIdIsRejectedBeforeAnyLookup() {
        DatabricksGitCredentialStep step = new DatabricksGitCredentialStep(null);
        step.setWorkspace("prod");
        assertThatThrownBy(() -> Pushes.validate(step))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("[databricks-git-credential] credentialsId is required");
    }

    @Test
    void aWorkspaceOrAHostIsNeededButNotBoth() {
        DatabricksGitCredentialStep step = new DatabricksGitCredentialStep("bb");
        assertThatThrownBy(() -> Pushes.validate(step)).hasMessageContaining("Name a Databricks workspace");

        step.setWorkspace("prod");
        step.setHost("https://adb-1.azuredatabricks.net");
        assertThatThrownBy(() -> Pushes.validate(step))
                .hasMessageContaining("either workspace ('prod') or host ('https://adb-1.azuredatabricks.net')");

        step.setWorkspace(null);
        assertThatThrownBy(() -> Pushes.validate(step)).hasMessageContaining("needs databricksCredentialsId");

        step.setDatabricksCredentialsId("databricks-pat");
        assertThatCode(() -> Pushes.validate(step)).doesNotThrowAnyException();
    }

    @Test
    void negativeWaitTimeoutIsRejected() {
        DatabricksGitCredentialStep step = new DatabricksGitCredentialStep("bb");
        step.setWorkspace("prod");
        step.setWaitTimeout(-1);
        assertThatThrownBy(() -> Pushes.validate(step)).hasMessageContaining("waitTimeout must be zero or more");
    }

    @Test
    void stepNamesAndBodies() {
        assertThat(new DatabricksGitCredentialStep.DescriptorImpl().getFunctionName())
                .isEqualTo("databricksGitCredential");
        assertThat(new DatabricksGitCredentialStep.DescriptorImpl().takesImplicitBlockArgument())
                .isFalse();
        assertThat(new WithDatabricksGitCredentialStep.DescriptorImpl().getFunctionName())
                .isEqualTo("withDatabricksGitCredential");
        assertThat(new WithDatabricksGitCredentialStep.DescriptorImpl().takesImplicitBlockArgument())
                .isTrue();
    }

    @Test
    void theWrapperIsOfferedToEveryProjectType() {
        BuildWrapperDescriptor descriptor = new DatabricksGitCredentialBuildWrapper.DescriptorImpl();
        assertThat(descriptor.isApplicable(null)).isTrue();
    }
}
