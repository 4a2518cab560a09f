package io.jenkins.plugins.databricksgit;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/**
 * OAuth machine-to-machine credentials of a Databricks service principal: its client id (the application id) and a
 * client secret generated for it. A Databricks personal access token is stored as a plain Secret text credential
 * instead; both kinds are accepted wherever a Databricks credential is asked for.
 */
@NameWith(value = DatabricksServicePrincipalCredentials.NameProvider.class, priority = 1)
public interface DatabricksServicePrincipalCredentials extends StandardCredentials {
    /** The service principal's application id (a UUID). */
    @NonNull
    String getClientId();

    @NonNull
    Secret getClientSecret();

    /** Shows the description, or the client id when there is none (the id is not secret). */
    class NameProvider extends CredentialsNameProvider<DatabricksServicePrincipalCredentials> {
        @NonNull
        @Override
        public String getName(@NonNull DatabricksServicePrincipalCredentials c) {
            String description = c.getDescription().strip();
            return description.isEmpty()
                    ? Messages.DatabricksServicePrincipalCredentials_named(c.getClientId())
                    : description;
        }
    }
}
