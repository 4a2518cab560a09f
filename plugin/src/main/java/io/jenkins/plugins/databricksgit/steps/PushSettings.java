package io.jenkins.plugins.databricksgit.steps;

/**
 * The values of the parameters both steps and the build wrapper take, normalised once: blank Strings become
 * {@code null}, so that an empty form field stays out of generated Pipeline code (the snippet generator writes every
 * non-null String). The Describables keep their own {@code @DataBoundSetter} setters and getters, because Stapler and
 * structs look for them on the bound class and its superclasses, and the step and the wrapper share no superclass;
 * those setters and getters only forward here.
 */
final class PushSettings implements PushParameters {
    private final String credentialsId;
    private String workspace;
    private String host;
    private String databricksCredentialsId;
    private String servicePrincipal;
    private String name;
    private String gitEmail;
    private Boolean verifyToken;
    private Integer waitTimeout;

    PushSettings(String credentialsId) {
        this.credentialsId = fixEmpty(credentialsId);
    }

    /** Blank is the same as unset. */
    static String fixEmpty(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @Override
    public String getWorkspace() {
        return workspace;
    }

    void setWorkspace(String workspace) {
        this.workspace = fixEmpty(workspace);
    }

    @Override
    public String getHost() {
        return host;
    }

    void setHost(String host) {
        this.host = fixEmpty(host);
    }

    @Override
    public String getDatabricksCredentialsId() {
        return databricksCredentialsId;
    }

    void setDatabricksCredentialsId(String databricksCredentialsId) {
        this.databricksCredentialsId = fixEmpty(databricksCredentialsId);
    }

    @Override
    public String getServicePrincipal() {
        return servicePrincipal;
    }

    void setServicePrincipal(String servicePrincipal) {
        this.servicePrincipal = fixEmpty(servicePrincipal);
    }

    @Override
    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = fixEmpty(name);
    }

    @Override
    public String getGitEmail() {
        return gitEmail;
    }

    void setGitEmail(String gitEmail) {
        this.gitEmail = fixEmpty(gitEmail);
    }

    @Override
    public Boolean getVerifyToken() {
        return verifyToken;
    }

    void setVerifyToken(Boolean verifyToken) {
        this.verifyToken = verifyToken;
    }

    @Override
    public Integer getWaitTimeout() {
        return waitTimeout;
    }

    void setWaitTimeout(Integer waitTimeout) {
        this.waitTimeout = waitTimeout;
    }
}
