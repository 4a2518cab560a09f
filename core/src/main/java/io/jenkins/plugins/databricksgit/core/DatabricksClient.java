package io.jenkins.plugins.databricksgit.core;

import io.jenkins.plugins.databricksgit.core.internal.DatabricksRestClient;
import java.util.List;
import java.util.Objects;

/**
 * One workspace's REST API, as far as this project needs it. {@code principalId} is {@code null} to act on the
 * caller's own credentials, or a service principal's numeric id (manager mode): it goes in the JSON body of
 * create/update and in the query of list/get/delete.
 *
 * <p>Thread-safe. 429 and 503 answers and failures to connect are retried within the bounds of
 * {@link ClientSettings}; a request that reached the server without an answer is not repeated and fails with
 * {@link DatabricksException#outcomeUnknown()} set. Redirects are not followed.
 */
public final class DatabricksClient {
    private final DatabricksRestClient rest;

    public DatabricksClient(WorkspaceUrl workspace, DatabricksAuth auth, ClientSettings settings) {
        this.rest = new DatabricksRestClient(
                Objects.requireNonNull(workspace, "workspace"),
                Objects.requireNonNull(auth, "auth"),
                settings == null ? ClientSettings.defaults() : settings);
    }

    public WorkspaceUrl workspace() {
        return rest.workspace();
    }

    /** How this client authenticates, without any secret (e.g. {@code "OAuth client 6f1d2c3b…"}). */
    public String authDescription() {
        return rest.authDescription();
    }

    /**
     * The applicationId of the service principal this client authenticates as, when known without a request: the
     * OAuth client id. {@code null} with a personal access token (whose owner only {@link #me()} tells).
     */
    public String oauthClientId() {
        return rest.auth().applicationId();
    }

    /** The personal access token this client sends, or {@code null} with OAuth; for the engine's caches only. */
    SecretValue personalAccessToken() {
        return rest.auth().personalAccessToken();
    }

    /** {@code GET /api/2.0/preview/scim/v2/Me}; a caller whose user name is a UUID is a service principal. */
    public Principal me() throws DatabricksException {
        return rest.me();
    }

    /**
     * Resolves an applicationId (UUID) or numeric id to the service principal.
     *
     * @throws IllegalArgumentException when the value is neither a UUID nor digits
     */
    public Principal resolveServicePrincipal(String applicationIdOrId) throws DatabricksException {
        return rest.resolveServicePrincipal(applicationIdOrId);
    }

    /** All Git credentials of the owner; an answer without {@code credentials} is an empty list. */
    public List<GitCredential> listGitCredentials(Long principalId) throws DatabricksException {
        return rest.listGitCredentials(principalId);
    }

    public GitCredential getGitCredential(long credentialId, Long principalId) throws DatabricksException {
        return rest.getGitCredential(credentialId, principalId);
    }

    /**
     * {@code POST /api/2.0/git-credentials}. An "already exists" answer (409, or the legacy 400 {@code INVALID_STATE})
     * has {@link DatabricksException.Reason#ALREADY_EXISTS}. When {@link DatabricksException#outcomeUnknown()} is set,
     * the credential may exist: list to find it instead of posting again.
     */
    public GitCredential createGitCredential(GitCredentialSpec spec, Long principalId) throws DatabricksException {
        return rest.createGitCredential(Objects.requireNonNull(spec, "spec"), principalId);
    }

    public void updateGitCredential(long credentialId, GitCredentialSpec spec, Long principalId)
            throws DatabricksException {
        rest.updateGitCredential(credentialId, Objects.requireNonNull(spec, "spec"), principalId);
    }

    public void deleteGitCredential(long credentialId, Long principalId) throws DatabricksException {
        rest.deleteGitCredential(credentialId, principalId);
    }

    @Override
    public String toString() {
        return "DatabricksClient[" + rest.workspace().url() + ", " + rest.authDescription() + "]";
    }
}
