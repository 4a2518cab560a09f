package io.jenkins.plugins.databricksgit.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.security.AccessControlled;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.databricksgit.workspace.CredentialChoices;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;

/**
 * The drop-downs of the step and build wrapper forms, one copy for the three descriptors. Listing credentials or
 * workspace names needs {@code Item.EXTENDED_READ} on the item being configured ({@code Jenkins.ADMINISTER} outside
 * an item, e.g. in the global snippet generator); without it only the current value is offered, so that saving the
 * form keeps it. What is listed is what the job may use: the workspaces whose allowed list admits it, and the
 * Databricks credentials it may name with a host (none a workspace uses, none at all when no host may be named).
 * Nothing here calls the network.
 */
final class PushForm {
    private final Supplier<AccessControlled> root;
    private final CredentialChoices credentials;
    private final Supplier<DatabricksWorkspaces> config;

    PushForm(Supplier<AccessControlled> root, CredentialChoices credentials, Supplier<DatabricksWorkspaces> config) {
        this.root = root;
        this.credentials = credentials;
        this.config = config;
    }

    static PushForm inJenkins() {
        return new PushForm(Jenkins::get, CredentialChoices.JENKINS, DatabricksWorkspaces::get);
    }

    ListBoxModel credentialsIdItems(@CheckForNull Item item, @CheckForNull String credentialsId) {
        return canList(item)
                ? credentials.matching(CredentialChoices.Kind.BITBUCKET_TOKEN, item, credentialsId)
                : credentials.currentOnly(credentialsId);
    }

    /**
     * The Databricks credentials the job may name with {@code host}: those no configured workspace uses (a workspace's
     * credential works only through the workspace), and none when the administrator allows no host.
     */
    ListBoxModel databricksCredentialsIdItems(@CheckForNull Item item, @CheckForNull String databricksCredentialsId) {
        DatabricksWorkspaces c = config.get();
        if (!canList(item) || !c.adHocHostsAllowed()) {
            return credentials.currentOnly(databricksCredentialsId);
        }
        Set<String> usedByWorkspaces = new HashSet<>();
        for (DatabricksWorkspace w : c.getWorkspaces()) {
            usedByWorkspaces.add(w.getCredentialsId());
        }
        return credentials.matching(
                CredentialChoices.Kind.DATABRICKS, item, databricksCredentialsId, Set.copyOf(usedByWorkspaces));
    }

    /**
     * An empty choice (a host is given instead), the names of the workspaces the job may use (all of them outside
     * a job, where only an administrator lists them), and a current value no longer offered.
     */
    /**
     * Whether to check the token with Bitbucket first: automatic (the default: when the credential names its
     * Bitbucket workspace and repository), always, or never. Leaving it automatic keeps it out of generated code.
     */
    static ListBoxModel verifyTokenItems() {
        ListBoxModel model = new ListBoxModel();
        model.add(Messages.PushForm_verifyAutomatic(), "");
        model.add(Messages.PushForm_verifyAlways(), "true");
        model.add(Messages.PushForm_verifyNever(), "false");
        return model;
    }

    /**
     * Leaves the verify choice unset when the form says "automatic": binding would turn its empty value into
     * {@code false}. Only removes an empty choice, so that binding the same form again gives the same result (Jenkins
     * may bind a form more than once).
     */
    static JSONObject automaticVerifyUnset(JSONObject formData) {
        Object value = formData.get("verifyToken");
        if (value != null && value.toString().isBlank()) {
            formData.remove("verifyToken");
        }
        return formData;
    }

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
        DatabricksWorkspaces c = config.get();
        List<DatabricksWorkspace> usable = item == null ? c.getWorkspaces() : c.workspacesFor(item.getFullName());
        for (DatabricksWorkspace w : usable) {
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
