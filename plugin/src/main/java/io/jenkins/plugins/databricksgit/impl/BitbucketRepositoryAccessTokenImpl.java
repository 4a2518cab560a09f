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
import io.jenkins.plugins.databricksgit.BitbucketRepositoryAccessToken;
import io.jenkins.plugins.databricksgit.core.BitbucketClient;
import io.jenkins.plugins.databricksgit.core.BitbucketToken;
import io.jenkins.plugins.databricksgit.core.TokenCheck;
import io.jenkins.plugins.databricksgit.core.TokenExpiry;
import io.jenkins.plugins.databricksgit.http.JenkinsHttp;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Stores the token as a {@link Secret}: encrypted on disk, never shown back in the form. */
public final class BitbucketRepositoryAccessTokenImpl extends BaseStandardCredentials
        implements BitbucketRepositoryAccessToken {
    private static final long serialVersionUID = 1L;

    @NonNull
    private final Secret token;

    @CheckForNull
    private String workspace;

    @CheckForNull
    private String repository;

    @CheckForNull
    private String expiryDate;

    @DataBoundConstructor
    public BitbucketRepositoryAccessTokenImpl(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @NonNull Secret token) {
        super(scope, id, description);
        this.token = Objects.requireNonNull(token, "token");
    }

    @NonNull
    @Override
    public Secret getToken() {
        return token;
    }

    @NonNull
    @Override
    public Secret getPassword() {
        return token;
    }

    @NonNull
    @Override
    public String getUsername() {
        return USERNAME;
    }

    @CheckForNull
    @Override
    public String getWorkspace() {
        return workspace;
    }

    @DataBoundSetter
    public void setWorkspace(@CheckForNull String workspace) {
        this.workspace = Texts.trimToNull(workspace);
    }

    @CheckForNull
    @Override
    public String getRepository() {
        return repository;
    }

    @DataBoundSetter
    public void setRepository(@CheckForNull String repository) {
        this.repository = Texts.trimToNull(repository);
    }

    @CheckForNull
    @Override
    public String getExpiryDate() {
        return expiryDate;
    }

    @DataBoundSetter
    public void setExpiryDate(@CheckForNull String expiryDate) {
        this.expiryDate = Texts.trimToNull(expiryDate);
    }

    @Override
    public String toString() {
        return "BitbucketRepositoryAccessToken[id=" + getId() + ", repository=" + workspace + "/" + repository
                + ", expires=" + expiryDate + "]";
    }

    @Extension
    @Symbol("bitbucketRepositoryAccessToken")
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        private final Clock clock;
        private final Function<String, BitbucketClient> clients;
        private final Supplier<String> apiUrl;

        public DescriptorImpl() {
            this(
                    Clock.systemDefaultZone(),
                    url -> new BitbucketClient(url, JenkinsHttp.settings()),
                    () -> DatabricksWorkspaces.get().bitbucketApiForForms());
        }

        /**
         * @param apiUrl the Bitbucket API an administrator configured, where <em>Verify token</em> sends the token
         */
        DescriptorImpl(Clock clock, Function<String, BitbucketClient> clients, Supplier<String> apiUrl) {
            this.clock = clock;
            this.clients = clients;
            this.apiUrl = apiUrl;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BitbucketRepositoryAccessTokenImpl_displayName();
        }

        @POST
        public FormValidation doCheckToken(@ContextInPath ModelObject context, @QueryParameter String value) {
            if (!StoreContext.canConfigure(context)) {
                return FormValidation.ok();
            }
            String plain = Secret.fromString(value).getPlainText();
            if (plain.isEmpty()) {
                return FormValidation.error(Messages.BitbucketRepositoryAccessTokenImpl_tokenRequired());
            }
            try {
                List<String> warnings = BitbucketToken.of(plain, null, null).warnings();
                return warnings.isEmpty() ? FormValidation.ok() : FormValidation.warning(String.join(" ", warnings));
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckWorkspace(@ContextInPath ModelObject context, @QueryParameter String value) {
            if (!StoreContext.canConfigure(context)) {
                return FormValidation.ok();
            }
            return checkSlug(value, null);
        }

        @POST
        public FormValidation doCheckRepository(
                @ContextInPath ModelObject context, @QueryParameter String value, @QueryParameter String workspace) {
            if (!StoreContext.canConfigure(context)) {
                return FormValidation.ok();
            }
            if (Texts.trimToNull(value) != null && Texts.trimToNull(workspace) == null) {
                return FormValidation.warning(Messages.BitbucketRepositoryAccessTokenImpl_repositoryWithoutWorkspace());
            }
            return checkSlug(null, value);
        }

        private static FormValidation checkSlug(String workspace, String repository) {
            try {
                // A syntactically valid placeholder token: only the slug is being checked.
                BitbucketToken.of(BitbucketToken.ACCESS_TOKEN_PREFIX, workspace, repository);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckExpiryDate(@ContextInPath ModelObject context, @QueryParameter String value) {
            if (!StoreContext.canConfigure(context)) {
                return FormValidation.ok();
            }
            LocalDate date;
            try {
                date = TokenExpiry.parseDate(value);
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
            TokenExpiry expiry = TokenExpiry.check(date, LocalDate.now(clock));
            return switch (expiry.status()) {
                case UNKNOWN, VALID -> FormValidation.ok();
                case EXPIRING_SOON ->
                    FormValidation.warning(
                            expiry.daysLeft() == 0
                                    ? Messages.BitbucketRepositoryAccessTokenImpl_expiresToday()
                                    : Messages.BitbucketRepositoryAccessTokenImpl_expiresSoon(expiry.daysLeft()));
                case EXPIRED ->
                    FormValidation.warning(Messages.BitbucketRepositoryAccessTokenImpl_expired(expiry.expiresOn()));
            };
        }

        /**
         * Asks Bitbucket whether the token can read the repository; never echoes the token. The token goes only to
         * the Bitbucket API an administrator configured ({@link DatabricksWorkspaces#bitbucketApiForForms()}): the
         * request names no URL.
         */
        @POST
        public FormValidation doVerifyToken(
                @ContextInPath ModelObject context,
                @QueryParameter String token,
                @QueryParameter String workspace,
                @QueryParameter String repository) {
            if (!StoreContext.canConfigure(context)) {
                return FormValidation.error(Messages.BitbucketRepositoryAccessTokenImpl_noPermission());
            }
            BitbucketToken parsed;
            try {
                parsed = BitbucketToken.of(Secret.fromString(token).getPlainText(), workspace, repository);
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
            if (parsed.workspace() == null || parsed.repository() == null) {
                return FormValidation.error(Messages.BitbucketRepositoryAccessTokenImpl_verifyNeedsRepository());
            }
            String api = apiUrl.get();
            TokenCheck check;
            try {
                check = clients.apply(api).verify(parsed);
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
            List<String> lines = new ArrayList<>();
            lines.add(check.message());
            if (!BitbucketClient.DEFAULT_API_URL.equals(api)) {
                lines.add(Messages.BitbucketRepositoryAccessTokenImpl_askedThrough(api));
            }
            lines.addAll(check.warnings());
            String text = String.join("\n", lines);
            return switch (check.status()) {
                case VALID -> FormValidation.ok(text);
                case UNREACHABLE -> FormValidation.warning(text);
                default -> FormValidation.error(text);
            };
        }
    }
}
