package io.jenkins.plugins.databricksgit;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/**
 * A Bitbucket Cloud repository access token. It is a username/password credential whose username is always
 * {@value #USERNAME} and whose password is the token, so the same credential also works for {@code git} over HTTPS
 * to that repository.
 */
@NameWith(value = BitbucketRepositoryAccessToken.NameProvider.class, priority = 64)
public interface BitbucketRepositoryAccessToken extends StandardUsernamePasswordCredentials {
    /** The Git username Bitbucket requires with a repository access token. */
    String USERNAME = "x-token-auth";

    /** The token; the same secret as {@link #getPassword()}. */
    @NonNull
    Secret getToken();

    /** Bitbucket workspace id, or {@code null} when not recorded. */
    @CheckForNull
    String getWorkspace();

    /** Repository slug, or {@code null} when not recorded. */
    @CheckForNull
    String getRepository();

    /** Expiry date as recorded by the owner ({@code yyyy-MM-dd}), or {@code null}. */
    @CheckForNull
    String getExpiryDate();

    /** Names the credential after its repository, so that lists of credentials tell tokens apart. */
    class NameProvider extends CredentialsNameProvider<BitbucketRepositoryAccessToken> {
        @NonNull
        @Override
        public String getName(@NonNull BitbucketRepositoryAccessToken c) {
            String where = c.getWorkspace() == null
                    ? null
                    : c.getRepository() == null ? c.getWorkspace() : c.getWorkspace() + "/" + c.getRepository();
            String description = c.getDescription().strip();
            if (where == null) {
                return description.isEmpty() ? Messages.BitbucketRepositoryAccessToken_unnamed(c.getId()) : description;
            }
            return description.isEmpty()
                    ? Messages.BitbucketRepositoryAccessToken_named(where)
                    : Messages.BitbucketRepositoryAccessToken_described(where, description);
        }
    }
}
