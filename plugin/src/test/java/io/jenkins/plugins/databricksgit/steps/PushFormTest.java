package io.jenkins.plugins.databricksgit.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.databricksgit.workspace.CredentialChoices;
import io.jenkins.plugins.databricksgit.workspace.UnsavedWorkspaces;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

class PushFormTest {
    private final List<String> listed = new ArrayList<>();
    /** Every permission asked, of Jenkins or of the item. */
    private final List<Permission> asked = new ArrayList<>();

    /**
     * Lists made-up credentials per kind, the way the real one does (the excluded ids left out unless current), and
     * records in which context it was asked to.
     */
    private final CredentialChoices credentials = new CredentialChoices() {
        @Override
        public ListBoxModel matching(Kind kind, Item context, String current, Set<String> excluded) {
            listed.add(kind + " in " + (context == null ? "Jenkins" : context.getFullName()));
            ListBoxModel model = new ListBoxModel();
            model.add("", "");
            List<String> ids = kind == Kind.BITBUCKET_TOKEN
                    ? List.of("bb-repo-token")
                    : List.of("team-databricks-pat", "prod-sp", "staging-sp");
            for (String id : ids) {
                if (!excluded.contains(id) || id.equals(current)) {
                    model.add(id, id);
                }
            }
            if (current != null && !ids.contains(current)) {
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

    private final UnsavedWorkspaces config = new UnsavedWorkspaces();

    PushFormTest() {
        config.add("prod", "https://adb-1.azuredatabricks.net", "prod-sp").setAllowedJobs("ops\nteam/deploy");
        config.add("staging", "https://adb-2.azuredatabricks.net", "staging-sp").setAllowedJobs("team");
        config.add("broken", "https://adb-3.azuredatabricks.net", "broken-sp").setAllowedJobs("../x");
        config.add("shared", "https://adb-4.azuredatabricks.net", "shared-sp");
    }

    private AccessControlled root(boolean administer) {
        return new AccessControlled() {
            @Override
            public hudson.security.ACL getACL() {
                throw new AssertionError("permission must be asked through hasPermission");
            }

            @Override
            public boolean hasPermission(Permission permission) {
                asked.add(permission);
                return administer;
            }
        };
    }

    /** A job, as far as the form sees it: a full name and a yes or no to every permission, which it records. */
    private Item item(String fullName, boolean granted) {
        return (Item) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Item.class}, (p, m, a) -> {
            switch (m.getName()) {
                case "hasPermission":
                    asked.add((Permission) a[0]);
                    return granted;
                case "getFullName":
                    return fullName;
                default:
                    throw new AssertionError("unexpected call " + m);
            }
        });
    }

    private PushForm form(boolean administer) {
        return new PushForm(() -> root(administer), credentials, () -> config);
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(o -> o.value).toList();
    }

    @Test
    void withoutExtendedReadOnTheItemOnlyTheCurrentValuesAreOffered() {
        PushForm form = form(true);
        Item job = item("team/deploy", false);

        assertThat(values(form.credentialsIdItems(job, "bb-repo-token"))).containsExactly("bb-repo-token");
        assertThat(values(form.databricksCredentialsIdItems(job, "prod-pat"))).containsExactly("prod-pat");
        assertThat(values(form.workspaceItems(job, "prod"))).containsExactly("prod");
        assertThat(values(form.workspaceItems(job, ""))).isEmpty();
        assertThat(listed).isEmpty();
        assertThat(asked).hasSize(4).containsOnly(Item.EXTENDED_READ);
    }

    @Test
    void aJobIsOfferedOnlyTheWorkspacesWhoseAllowedListAdmitsIt() {
        PushForm form = form(false);

        assertThat(values(form.workspaceItems(item("team/deploy", true), null)))
                .containsExactly("", "prod", "staging", "shared");
        assertThat(values(form.workspaceItems(item("team/experiments", true), null)))
                .containsExactly("", "staging", "shared");
        assertThat(values(form.workspaceItems(item("intruder/job", true), null)))
                .containsExactly("", "shared");
        assertThat(values(form.workspaceItems(item("ops-old/job", true), null))).containsExactly("", "shared");
        assertThat(asked).containsOnly(Item.EXTENDED_READ);
    }

    @Test
    void aWorkspaceTheJobMayNotUseStaysOnlyAsTheCurrentValueSoSavingKeepsIt() {
        assertThat(values(form(false).workspaceItems(item("intruder/job", true), "prod")))
                .containsExactly("", "shared", "prod");
    }

    @Test
    void databricksCredentialsThatAWorkspaceUsesAreNotOffered() {
        PushForm form = form(false);
        Item job = item("team/deploy", true);

        assertThat(values(form.databricksCredentialsIdItems(job, null))).containsExactly("", "team-databricks-pat");
        assertThat(values(form.databricksCredentialsIdItems(job, "prod-sp")))
                .containsExactly("", "team-databricks-pat", "prod-sp");
        assertThat(listed).containsOnly("DATABRICKS in team/deploy");
    }

    @Test
    void noDatabricksCredentialIsOfferedWhenNoHostMayBeNamed() {
        config.setAllowedHosts("");
        PushForm form = form(true);

        assertThat(values(form.databricksCredentialsIdItems(item("team/deploy", true), "x")))
                .containsExactly("x");
        assertThat(values(form.databricksCredentialsIdItems(null, null))).containsExactly((String) null);
        assertThat(listed).isEmpty();
    }

    @Test
    void withExtendedReadTheItemsBitbucketCredentialsAreListed() {
        PushForm form = form(false);

        assertThat(values(form.credentialsIdItems(item("team/deploy", true), null)))
                .containsExactly("", "bb-repo-token");
        assertThat(listed).containsExactly("BITBUCKET_TOKEN in team/deploy");
    }

    @Test
    void outsideAnItemListingNeedsAdministerAndShowsEveryWorkspace() {
        assertThat(values(form(false).credentialsIdItems(null, "bb"))).containsExactly("bb");
        assertThat(values(form(false).workspaceItems(null, "prod"))).containsExactly("prod");
        assertThat(listed).isEmpty();
        assertThat(asked).containsOnly(Jenkins.ADMINISTER);

        assertThat(values(form(true).credentialsIdItems(null, null))).containsExactly("", "bb-repo-token");
        assertThat(values(form(true).workspaceItems(null, null)))
                .containsExactly("", "prod", "staging", "broken", "shared");
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
        Item job = item("team/x", true);

        assertThat(values(step.doFillWorkspaceItems(job, null))).containsExactly("", "staging", "shared");
        assertThat(values(wrapper.doFillWorkspaceItems(job, null))).containsExactly("", "staging", "shared");
        assertThat(values(step.doFillDatabricksCredentialsIdItems(job, null))).contains("team-databricks-pat");
        assertThat(values(wrapper.doFillCredentialsIdItems(job, null))).contains("bb-repo-token");
    }
}
