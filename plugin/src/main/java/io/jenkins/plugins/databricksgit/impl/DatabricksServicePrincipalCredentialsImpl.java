package io.jenkins.plugins.databricksgit.impl;

import com.cloudbees.plugins.credentials.ContextInPath;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.ModelObject;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.DatabricksServicePrincipalCredentials;
import java.util.Objects;
import java.util.UUID;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Stores the client secret as a {@link Secret}; the client id is not secret and is shown in the name. */
public final class DatabricksServicePrincipalCredentialsImpl extends BaseStandardCredentials
        implements DatabricksServicePrincipalCredentials {
    private static final long serialVersionUID = 1L;

    @NonNull
    private final String clientId;

    @NonNull
    private final Secret clientSecret;

    @DataBoundConstructor
    public DatabricksServicePrincipalCredentialsImpl(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @NonNull String clientId,
            @NonNull Secret clientSecret) {
        super(scope, id, description);
        this.clientId = Objects.requireNonNull(Texts.trimToNull(clientId), "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @NonNull
    @Override
    public String getClientId() {
        return clientId;
    }

    @NonNull
    @Override
    public Secret getClientSecret() {
        return clientSecret;
    }

    @Override
    public String toString() {
        return "DatabricksServicePrincipalCredentials[id=" + getId() + ", clientId=" + clientId + "]";
    }

    @Extension
    @Symbol("databricksServicePrincipal")
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.DatabricksServicePrincipalCredentialsImpl_displayName();
        }

        @POST
        public FormValidation doCheckClientId(@ContextInPath ModelObject context, @QueryParameter String value) {
            if (!StoreContext.canConfigure(context)) {
                return FormValidation.ok();
            }
            String id = Texts.trimToNull(value);
            if (id == null) {
                return FormValidation.error(Messages.DatabricksServicePrincipalCredentialsImpl_clientIdRequired());
            }
            try {
                UUID.fromString(id);
                return id.length() == 36
                        ? FormValidation.ok()
                        : FormValidation.warning(Messages.DatabricksServicePrincipalCredentialsImpl_clientIdNotUuid());
            } catch (IllegalArgumentException e) {
                return FormValidation.warning(Messages.DatabricksServicePrincipalCredentialsImpl_clientIdNotUuid());
            }
        }

        @POST
        public FormValidation doCheckClientSecret(@ContextInPath ModelObject context, @QueryParameter String value) {
            if (!StoreContext.canConfigure(context)) {
                return FormValidation.ok();
            }
            return Secret.fromString(value).getPlainText().isBlank()
                    ? FormValidation.error(Messages.DatabricksServicePrincipalCredentialsImpl_clientSecretRequired())
                    : FormValidation.ok();
        }
    }
}
