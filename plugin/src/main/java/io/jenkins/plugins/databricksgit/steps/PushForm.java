package io.jenkins.plugins.databricksgit.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.security.AccessControlled;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.databricksgit.workspace.CredentialChoices;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import java.util.List;
import java.util.function.Supplier;
import jenkins.model.Jenkins;

/**
 * The drop-downs of the step and build wrapper forms, one copy for the three descriptors. Listing credentials or
 * workspace names needs {@code Item.EXTENDED_READ} on the item being configured ({@code Jenkins.ADMINISTER} outside
 * an item, e.g. in the global snippet generator); without it only the current value is offered, so that saving the
 * form keeps it. Nothing here calls the network.
 */
final class PushForm {
    private final Supplier<AccessControlled> root;
    private final CredentialChoices credentials;
    private final Supplier<List<DatabricksWorkspace>> workspaces;

    PushForm(
            Supplier<AccessControlled> root,
            CredentialChoices credentials,
            Supplier<List<DatabricksWorkspace>> workspaces) {
        this.root = root;
        this.credentials = credentials;
        this.workspaces = workspaces;
    }

    static PushForm inJenkins() {
        return new PushForm(Jenkins::get, CredentialChoices.JENKINS, () -> DatabricksWorkspaces.get()
                .getWorkspaces());
    }

    ListBoxModel credentialsIdItems(@CheckForNull Item item, @CheckForNull String credentialsId) {
        return canList(item)
                ? credentials.matching(CredentialChoices.Kind.BITBUCKET_TOKEN, item, credentialsId)
                : credentials.currentOnly(credentialsId);
    }

    ListBoxModel databricksCredentialsIdItems(@CheckForNull Item item, @CheckForNull String databricksCredentialsId) {
        return canList(item)
                ? credentials.matching(CredentialChoices.Kind.DATABRICKS, item, databricksCredentialsId)
                : credentials.currentOnly(databricksCredentialsId);
    }

    /** An empty choice (a host is given instead), the configured names, and a current value no longer configured. */
    ListBoxModel workspaceItems(@CheckForNull Item item, @CheckForNull String workspace) {
        String current = PushSettings.fixEmpty(workspace);
        ListBoxModel model = new ListBoxModel();
        if (!canList(item)) {
            if (current != null) {
                model.add(current, current);
            }
            return model;
        }
        model.add(Messages.PushForm_noWorkspace(), "");
        boolean currentListed = current == null;
        for (DatabricksWorkspace w : workspaces.get()) {
            model.add(w.getName(), w.getName());
            currentListed |= w.getName().equals(current);
        }
        if (!currentListed) {
            model.add(current, current);
        }
        return model;
    }

    private boolean canList(@CheckForNull Item item) {
        return item == null ? root.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.EXTENDED_READ);
    }
}
