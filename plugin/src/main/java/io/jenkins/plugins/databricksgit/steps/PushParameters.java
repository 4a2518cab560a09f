package io.jenkins.plugins.databricksgit.steps;

/** What a push needs to know, as the user configured it; shared by the two steps and the build wrapper. */
public interface PushParameters {
    /** A Bitbucket repository access token credential, or a username/password one with username x-token-auth. */
    String getCredentialsId();

    /** A workspace name from the global configuration, or {@code null} when {@link #getHost()} is used. */
    String getWorkspace();

    String getHost();

    /** The Databricks credential to use with {@link #getHost()}. */
    String getDatabricksCredentialsId();

    /** applicationId or numeric id of the service principal to manage (manager mode), or {@code null}. */
    String getServicePrincipal();

    String getName();

    String getGitEmail();

    /** {@code null}: verify when the credential names its Bitbucket workspace and repository. */
    Boolean getVerifyToken();

    /** Seconds to wait for another build holding the principal with a different token; {@code null}: default. */
    Integer getWaitTimeout();
}
