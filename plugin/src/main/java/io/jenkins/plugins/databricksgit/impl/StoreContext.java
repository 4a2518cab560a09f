package io.jenkins.plugins.databricksgit.impl;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.ModelObject;
import hudson.security.AccessControlled;

/** Who may use the form checks of a credential: whoever may create or update credentials in that store. */
final class StoreContext {
    private StoreContext() {}

    /** @param context the credentials store's context (Jenkins, a folder, a user), as {@code @ContextInPath} finds it */
    static boolean canConfigure(ModelObject context) {
        return context instanceof AccessControlled ac
                && ac.hasAnyPermission(CredentialsProvider.CREATE, CredentialsProvider.UPDATE);
    }
}
