package io.jenkins.plugins.databricksgit.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.databricksgit.workspace.CredentialChoices;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushFormTest {
    private final List<String> listed = new ArrayList<>();
    private int permissionChecks;

    /** Lists one made-up credential per kind, and records in which context it was asked to. */
    private final CredentialChoices credentials = new CredentialChoices() {
        @Override
        public ListBoxModel matching(Kind kind, Item context, String current) {
            listed.add(kind + " in " + (context == null ? "Jenkins" : context.getFullName()));
            ListBoxModel model = new ListBoxModel();
            model.add("", "");
            model.add(kind == Kind.BITBUCKET_TOKEN ? "bb-repo-token" : "databricks-sp", "id-" + kind);
            if (current != null) {
                model.add(current, current);
            }
            return model;
        }

        @Override
        public ListBoxModel currentOnly(String current) {
            ListBoxModel model = new ListBoxModel();
            model.add("- current -", current);
            return model;
        }
    };

    private AccessControlled root(boolean administer) {
        return new AccessControlled() {
            @Override
            public hudson.security.ACL getACL() {
                throw new AssertionError("permission must be asked through hasPermission");
            }

            @Override
            public boolean hasPermission(Permission permission) {
                permissionChecks++;
                return administer;
            }
        };
    }

    /** A job in a folder, as far as the form sees it: a name and a yes or no to every permission. */
    private Item item(boolean extendedRead) {
        return (Item) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Item.class}, (p, m, a) -> {
            switch (m.getName()) {
                case "hasPermission":
                    permissionChecks++;
                    return extendedRead;
                case "getFullName":
                    return "team/deploy";
                default:
                    throw new AssertionError("unexpected call " + m);
            }
        });
    }

    private PushForm form(boolean administer) {
        return new PushForm(
                () -> root(administer),
                credentials,
                () -> List.of(
                        new DatabricksWorkspace("prod", "https://adb-1.azuredatabricks.net", "prod-sp"),
                        new DatabricksWorkspace("staging", "https://adb-2.azuredatabricks.net", "staging-sp")));
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(o -> o.value).toList();
    }

    @Test
    void withoutExtendedReadOnTheItemOnlyTheCurrentValuesAreOffered() {
        PushForm form = form(true);
        Item job = item(false);

        assertThat(values(form.credentialsIdItems(job, "bb-repo-token"))).containsExactly("bb-repo-token");
        assertThat(values(form.databricksCredentialsIdItems(job, "prod-pat"))).containsExactly("prod-pat");
        assertThat(values(form.workspaceItems(job, "prod"))).containsExactly("prod");
        assertThat(values(form.workspaceItems(job, ""))).isEmpty();
        assertThat(listed).isEmpty();
        assertThat(permissionChecks).isEqualTo(4);
    }

    @Test
    void withExtendedReadTheItemsCredentialsAndTheWorkspaceNamesAreListed() {
        PushForm form = form(false);
        Item job = item(true);

        assertThat(values(form.credentialsIdItems(job, null))).containsExactly("", "id-BITBUCKET_TOKEN");
        assertThat(values(form.databricksCredentialsIdItems(job, null))).containsExactly("", "id-DATABRICKS");
        assertThat(values(form.workspaceItems(job, null))).containsExactly("", "prod", "staging");
        assertThat(listed).containsExactly("BITBUCKET_TOKEN in team/deploy", "DATABRICKS in team/deploy");
    }

    @Test
    void aWorkspaceNoLongerConfiguredStaysSelectableSoSavingKeepsIt() {
        assertThat(values(form(true).workspaceItems(null, "old"))).containsExactly("", "prod", "staging", "old");
        assertThat(values(form(true).workspaceItems(null, "prod"))).containsExactly("", "prod", "staging");
    }

    @Test
    void outsideAnItemListingNeedsAdminister() {
        assertThat(values(form(false).credentialsIdItems(null, "bb"))).containsExactly("bb");
        assertThat(values(form(false).workspaceItems(null, "prod"))).containsExactly("prod");
        assertThat(listed).isEmpty();

        assertThat(values(form(true).credentialsIdItems(null, null))).containsExactly("", "id-BITBUCKET_TOKEN");
        assertThat(listed).containsExactly("BITBUCKET_TOKEN in Jenkins");
    }

    @Test
    void theStepAndWrapperDescriptorsServeTheSameDropDowns() {
        PushForm form = form(true);
        var step = new GitCredentialStepDescriptor(form) {
            @Override
            public String getFunctionName() {
                return "test";
            }
        };
        var wrapper = new DatabricksGitCredentialBuildWrapper.DescriptorImpl(form);

        assertThat(values(step.doFillWorkspaceItems(null, null))).containsExactly("", "prod", "staging");
        assertThat(values(wrapper.doFillWorkspaceItems(null, null))).containsExactly("", "prod", "staging");
        assertThat(values(step.doFillDatabricksCredentialsIdItems(null, null))).contains("id-DATABRICKS");
        assertThat(values(wrapper.doFillCredentialsIdItems(null, null))).contains("id-BITBUCKET_TOKEN");
    }
}
