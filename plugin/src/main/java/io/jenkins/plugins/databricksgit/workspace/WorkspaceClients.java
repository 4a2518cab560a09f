package io.jenkins.plugins.databricksgit.workspace;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import io.jenkins.plugins.databricksgit.DatabricksServicePrincipalCredentials;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksAuth;
import io.jenkins.plugins.databricksgit.core.DatabricksClient;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import io.jenkins.plugins.databricksgit.core.lifecycle.CredentialLifecycle;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Turns a workspace and its resolved Databricks credential into a client of the engine. */
final class WorkspaceClients {
    private WorkspaceClients() {}

    /**
     * @throws IllegalArgumentException when the URL is not a workspace URL or the credential is of another kind or
     *     empty (the message names the credential id, never its secret)
     */
    static DatabricksClient client(
            DatabricksWorkspace workspace, StandardCredentials credential, ClientSettings settings) {
        return new DatabricksClient(WorkspaceUrl.parse(workspace.getUrl()), auth(credential), settings);
    }

    static DatabricksAuth auth(StandardCredentials credential) {
        if (credential instanceof StringCredentials s) {
            String token = s.getSecret().getPlainText();
            if (token.isBlank()) {
                throw new IllegalArgumentException(Messages.WorkspaceClients_emptySecret(credential.getId()));
            }
            return DatabricksAuth.bearerToken(SecretValue.of(token.strip()));
        }
        if (credential instanceof DatabricksServicePrincipalCredentials sp) {
            String secret = sp.getClientSecret().getPlainText();
            if (secret.isBlank()) {
                throw new IllegalArgumentException(Messages.WorkspaceClients_emptySecret(credential.getId()));
            }
            return DatabricksAuth.oauthClientCredentials(sp.getClientId(), SecretValue.of(secret.strip()));
        }
        throw new IllegalArgumentException(Messages.WorkspaceClients_wrongType(
                credential.getId(), credential.getClass().getName()));
    }

    /** The refusal a build prints: one line with the plugin's prefix. */
    static AbortException abort(IllegalArgumentException e) {
        return new AbortException(CredentialLifecycle.PREFIX + e.getMessage());
    }
}
