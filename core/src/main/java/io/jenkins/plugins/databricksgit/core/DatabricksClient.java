package io.jenkins.plugins.databricksgit.core;

import java.util.List;

/**
 * One workspace's REST API, as far as this project needs it. {@code principalId} is {@code null} to act on the
 * caller's own credentials, or a service principal's numeric id (manager mode): it goes in the JSON body of
 * create/update and in the query of list/get/delete.
 */
public final class DatabricksClient {
    public DatabricksClient(WorkspaceUrl workspace, DatabricksAuth auth, ClientSettings settings) {
        throw new UnsupportedOperationException("API contract; implemented in the core issue");
    }

    public WorkspaceUrl workspace() {
        throw new UnsupportedOperationException();
    }

    /** {@code GET /api/2.0/preview/scim/v2/Me}. */
    public Principal me() throws DatabricksException {
        throw new UnsupportedOperationException();
    }

    /** Resolves an applicationId (UUID) or numeric id to the service principal. */
    public Principal resolveServicePrincipal(String applicationIdOrId) throws DatabricksException {
        throw new UnsupportedOperationException();
    }

    public List<GitCredential> listGitCredentials(Long principalId) throws DatabricksException {
        throw new UnsupportedOperationException();
    }

    public GitCredential getGitCredential(long credentialId, Long principalId) throws DatabricksException {
        throw new UnsupportedOperationException();
    }

    public GitCredential createGitCredential(GitCredentialSpec spec, Long principalId) throws DatabricksException {
        throw new UnsupportedOperationException();
    }

    public void updateGitCredential(long credentialId, GitCredentialSpec spec, Long principalId)
            throws DatabricksException {
        throw new UnsupportedOperationException();
    }

    public void deleteGitCredential(long credentialId, Long principalId) throws DatabricksException {
        throw new UnsupportedOperationException();
    }
}
