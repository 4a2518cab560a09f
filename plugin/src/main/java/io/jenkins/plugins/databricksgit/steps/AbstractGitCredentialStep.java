package io.jenkins.plugins.databricksgit.steps;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The parameters both steps share; {@link DatabricksGitCredentialStep} adds {@code cleanup}. Config only: all the
 * work happens in {@link GitCredentialStepExecution}.
 */
public abstract class AbstractGitCredentialStep extends Step implements PushParameters {
    private final String credentialsId;
    private String workspace;
    private String host;
    private String databricksCredentialsId;
    private String servicePrincipal;
    private String name;
    private String gitEmail;
    private Boolean verifyToken;
    private Integer waitTimeout;

    protected AbstractGitCredentialStep(String credentialsId) {
        this.credentialsId = PushParameters.fixEmpty(credentialsId);
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @Override
    public String getWorkspace() {
        return workspace;
    }

    @DataBoundSetter
    public void setWorkspace(String workspace) {
        this.workspace = PushParameters.fixEmpty(workspace);
    }

    @Override
    public String getHost() {
        return host;
    }

    @DataBoundSetter
    public void setHost(String host) {
        this.host = PushParameters.fixEmpty(host);
    }

    @Override
    public String getDatabricksCredentialsId() {
        return databricksCredentialsId;
    }

    @DataBoundSetter
    public void setDatabricksCredentialsId(String databricksCredentialsId) {
        this.databricksCredentialsId = PushParameters.fixEmpty(databricksCredentialsId);
    }

    @Override
    public String getServicePrincipal() {
        return servicePrincipal;
    }

    @DataBoundSetter
    public void setServicePrincipal(String servicePrincipal) {
        this.servicePrincipal = PushParameters.fixEmpty(servicePrincipal);
    }

    @Override
    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(String name) {
        this.name = PushParameters.fixEmpty(name);
    }

    @Override
    public String getGitEmail() {
        return gitEmail;
    }

    @DataBoundSetter
    public void setGitEmail(String gitEmail) {
        this.gitEmail = PushParameters.fixEmpty(gitEmail);
    }

    @Override
    public Boolean getVerifyToken() {
        return verifyToken;
    }

    @DataBoundSetter
    public void setVerifyToken(Boolean verifyToken) {
        this.verifyToken = verifyToken;
    }

    @Override
    public Integer getWaitTimeout() {
        return waitTimeout;
    }

    /** Seconds; {@code null} or unset means the default (10 minutes). */
    @DataBoundSetter
    public void setWaitTimeout(Integer waitTimeout) {
        this.waitTimeout = waitTimeout;
    }
}
