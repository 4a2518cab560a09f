package io.jenkins.plugins.databricksgit.core.internal;

import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.core.DatabricksAuth;
import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.SecretValue;
import io.jenkins.plugins.databricksgit.core.WorkspaceUrl;
import java.util.List;

/** The implementations behind {@link DatabricksAuth}'s factory methods. */
public abstract class InternalAuth implements DatabricksAuth {
    /** Where the bearer token for one workspace comes from. */
    public interface AccessTokens {
        SecretValue current() throws DatabricksException;

        /** Whether {@link #invalidate} can yield a different token (OAuth), so a rejected call is worth a retry. */
        boolean refreshable();

        /** Forgets {@code rejected} if it is still the cached token. */
        void invalidate(SecretValue rejected);

        /**
         * The short-lived tokens this source handed out lately (an OAuth access token and the one it replaced), so
         * that error texts can be scrubbed of them too; empty when {@link #secrets()} already covers them.
         */
        default List<SecretValue> recent() {
            return List.of();
        }
    }

    public abstract AccessTokens tokens(WorkspaceUrl workspace, ClientSettings settings);

    /** The long-lived secrets this auth holds, so that error texts can be scrubbed of them. */
    public abstract List<SecretValue> secrets();

    /** Scrubs error texts of {@link #secrets()} in every form they are sent in. */
    public Redactor redactor() {
        return new Redactor(secrets());
    }

    /**
     * The applicationId of the service principal this auth authenticates as, when it is known without asking
     * Databricks (the OAuth client id), or {@code null}.
     */
    public String applicationId() {
        return null;
    }

    /** The personal access token sent as is, or {@code null} when the bearer token is obtained otherwise. */
    public SecretValue personalAccessToken() {
        return null;
    }

    public static InternalAuth of(DatabricksAuth auth) {
        if (auth instanceof InternalAuth internal) {
            return internal;
        }
        throw new IllegalArgumentException(
                "Unsupported DatabricksAuth implementation; use DatabricksAuth.bearerToken or oauthClientCredentials");
    }
}
