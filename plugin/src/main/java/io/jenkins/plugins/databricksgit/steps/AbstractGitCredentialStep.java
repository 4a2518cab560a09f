package io.jenkins.plugins.databricksgit.steps;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The parameters both steps share; {@link DatabricksGitCredentialStep} adds {@code cleanup}. Config only: all the
 * work happens in {@link GitCredentialStepExecution}.
 */
public abstract class AbstractGitCredentialStep extends Step implements PushParameters {
    private final PushSettings settings;

    protected AbstractGitCredentialStep(String credentialsId) {
        this.settings = new PushSettings(credentialsId);
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
}
