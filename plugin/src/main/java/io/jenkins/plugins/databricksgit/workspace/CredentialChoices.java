package io.jenkins.plugins.databricksgit.workspace;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.databricksgit.BitbucketRepositoryAccessToken;
import io.jenkins.plugins.databricksgit.DatabricksServicePrincipalCredentials;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credential drop-downs of the plugin's forms, listed through {@code CredentialsProvider} in the context of the
 * item being configured (or of Jenkins itself), so folder credentials show up where they can be used. Callers check
 * permission first and fall back to {@link #currentOnly(String)}.
 */
public interface CredentialChoices {
    /** The kinds of credential a form field accepts. */
    enum Kind {
        /** Bitbucket repository access tokens, and Username/password credentials whose username is x-token-auth. */
        BITBUCKET_TOKEN,
        /** Secret text (a Databricks personal access token) or a Databricks service principal. */
        DATABRICKS;

        CredentialsMatcher matcher() {
            return switch (this) {
                case BITBUCKET_TOKEN ->
                    CredentialsMatchers.allOf(
                            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                            CredentialsMatchers.withUsername(BitbucketRepositoryAccessToken.USERNAME));
                case DATABRICKS ->
                    CredentialsMatchers.anyOf(
                            CredentialsMatchers.instanceOf(StringCredentials.class),
                            CredentialsMatchers.instanceOf(DatabricksServicePrincipalCredentials.class));
            };
        }
    }

    /** An empty choice, the credentials of that kind visible in the context, and the current value. */
    default ListBoxModel matching(Kind kind, @CheckForNull Item context, @CheckForNull String current) {
        return matching(kind, context, current, Set.of());
    }

    /**
     * As {@link #matching(Kind, Item, String)}, leaving out the credentials with the given ids (unless one is the
     * current value, which stays so that saving the form keeps it).
     */
    ListBoxModel matching(Kind kind, @CheckForNull Item context, @CheckForNull String current, Set<String> excluded);

    /** Only the current value: what a user without permission to list credentials gets. */
    ListBoxModel currentOnly(@CheckForNull String current);

    /** The implementation inside Jenkins. */
    CredentialChoices JENKINS = new CredentialChoices() {
        @Override
        public ListBoxModel matching(Kind kind, Item context, String current, Set<String> excluded) {
            StandardListBoxModel model = new StandardListBoxModel();
            model.includeEmptyValue();
            if (context == null) {
                model.includeMatchingAs(
                        ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(), kind.matcher());
            } else {
                model.includeMatchingAs(ACL.SYSTEM2, context, StandardCredentials.class, List.of(), kind.matcher());
            }
            model.removeIf(o -> excluded.contains(o.value) && !o.value.equals(current));
            model.includeCurrentValue(Objects.toString(current, ""));
            return model;
        }

        @Override
        public ListBoxModel currentOnly(String current) {
            StandardListBoxModel model = new StandardListBoxModel();
            model.includeCurrentValue(Objects.toString(current, ""));
            return model;
        }
    };
}
