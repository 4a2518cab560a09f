package io.jenkins.plugins.databricksgit.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.util.FormValidation;
import io.jenkins.plugins.databricksgit.core.HostPatterns;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

class DatabricksWorkspacesTest {
    /** The global configuration without a controller: nothing to load, saves counted. */
    static final class Unsaved extends UnsavedWorkspaces {}

    private static DatabricksWorkspace workspace(String name, String allowedJobs) {
        DatabricksWorkspace w =
                new DatabricksWorkspace(name, "https://" + name + ".cloud.databricks.com", name + "-pat");
        w.setAllowedJobs(allowedJobs);
        return w;
    }

    @Test
    void setterKeepsACopyAndSaves() {
        Unsaved config = new Unsaved();
        List<DatabricksWorkspace> list = new java.util.ArrayList<>(List.of(workspace("prod", "ops")));

        config.setWorkspaces(list);
        list.clear();

        assertThat(config.getWorkspaces())
                .extracting(DatabricksWorkspace::getName)
                .containsExactly("prod");
        assertThat(config.saves).isEqualTo(1);
        config.setWorkspaces(null);
        assertThat(config.getWorkspaces()).isEmpty();
    }

    @Test
    void resolveReturnsTheWorkspaceForAnAllowedJob() throws AbortException {
        Unsaved config = new Unsaved();
        config.setWorkspaces(List.of(workspace("prod", "ops\nteam-a/deploy"), workspace("dev", null)));

        assertThat(config.resolve("prod", "ops/release/main").getName()).isEqualTo("prod");
        assertThat(config.resolve(" dev ", "anyone/anything").getName()).isEqualTo("dev");
    }

    @Test
    void buildOutsideTheAllowedFoldersIsRefusedWithAClearMessage() {
        Unsaved config = new Unsaved();
        config.setWorkspaces(List.of(workspace("prod", "ops\nteam-a/deploy")));

        assertThatThrownBy(() -> config.resolve("prod", "team-a/experiments"))
                .isInstanceOf(AbortException.class)
                .hasMessage(
                        "[databricks-git-credential] Job 'team-a/experiments' may not use Databricks workspace 'prod': only ops, team-a/deploy"
                                + " may. Ask a Jenkins administrator to add the job or its folder to the workspace's allowed"
                                + " jobs under Manage Jenkins > System > Databricks workspaces.");
        assertThatThrownBy(() -> config.resolve("prod", "ops-old/release"))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("may not use");
    }

    @Test
    void unknownOrMissingWorkspaceNamesTheConfiguredOnes() {
        Unsaved config = new Unsaved();
        assertThatThrownBy(() -> config.resolve("prod", "ops/x")).hasMessageContaining("configured ones: none");

        config.setWorkspaces(List.of(workspace("prod", null), workspace("dev", null)));
        assertThatThrownBy(() -> config.resolve("staging", "ops/x"))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("No Databricks workspace is named 'staging' (configured ones: prod, dev)");
        assertThatThrownBy(() -> config.resolve(" ", "ops/x")).hasMessageContaining("Name the Databricks workspace");
    }

    @Test
    void malformedAllowListRefusesEveryJob() {
        Unsaved config = new Unsaved();
        config.setWorkspaces(List.of(workspace("prod", "ops\n../prod")));

        assertThatThrownBy(() -> config.resolve("prod", "ops/release"))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("is invalid, so no job may use it");
    }

    @Test
    void configurationAsCodeBindsAndExportsTheSameValues() {
        Map<String, Object> yaml = Map.of(
                "workspaces",
                List.of(
                        Map.of(
                                "name", "prod",
                                "url", "https://adb-1234567890123456.7.azuredatabricks.net",
                                "credentialsId", "databricks-manager",
                                "servicePrincipal", "6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f",
                                "additionalServicePrincipals", "8573549053511\n0a1b2c3d-4e5f-6789-abcd-ef0123456789",
                                "bitbucketApiUrl", "https://bitbucket-proxy.example.com",
                                "allowedJobs", "ops\nteam-a/deploy"),
                        Map.of(
                                "name", "dev",
                                "url", "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com",
                                "credentialsId", "dev-pat")),
                "allowedHosts",
                "*.cloud.databricks.com\n127.0.0.1:8080");

        Unsaved config = new Unsaved();
        DataBoundBinding.configure(config, yaml);

        assertThat(config.getWorkspace("prod").getServicePrincipal()).isEqualTo("6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f");
        assertThat(config.getWorkspace("prod").servicePrincipals())
                .containsExactly(
                        "6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f",
                        "8573549053511",
                        "0a1b2c3d-4e5f-6789-abcd-ef0123456789");
        assertThat(config.getWorkspace("dev").getAllowedJobs()).isNull();
        assertThat(config.getWorkspace("dev").servicePrincipals()).containsExactly((String) null);
        assertThat(config.allowedHostPatterns().patterns()).containsExactly("*.cloud.databricks.com", "127.0.0.1:8080");
        assertThat(DataBoundBinding.export(config)).isEqualTo(yaml);
    }

    @Test
    void aSingleServicePrincipalFromAnOlderConfigurationIsStillTheDefault() {
        Map<String, Object> older = Map.of(
                "workspaces",
                List.of(Map.of(
                        "name", "prod",
                        "url", "https://adb-1234567890123456.7.azuredatabricks.net",
                        "credentialsId", "databricks-manager",
                        "servicePrincipal", "6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f")));
        Unsaved config = new Unsaved();
        DataBoundBinding.configure(config, older);

        assertThat(config.getWorkspace("prod").servicePrincipals())
                .containsExactly("6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f");
        assertThat(config.getWorkspace("prod").getAdditionalServicePrincipals()).isNull();
    }

    @Test
    void aConfigXmlSavedBeforeTheseSettingsKeepsItsPrincipalAndGetsTheDefaultHosts() {
        String saved =
                """
                <io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces>
                  <workspaces>
                    <io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace>
                      <name>prod</name>
                      <url>https://adb-1234567890123456.7.azuredatabricks.net</url>
                      <credentialsId>databricks-manager</credentialsId>
                      <servicePrincipal>6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f</servicePrincipal>
                      <allowedJobs>ops</allowedJobs>
                    </io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace>
                  </workspaces>
                </io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces>
                """;
        com.thoughtworks.xstream.XStream x = new com.thoughtworks.xstream.XStream();
        x.allowTypesByWildcard(new String[] {"io.jenkins.plugins.databricksgit.workspace.**"});

        DatabricksWorkspaces loaded = (DatabricksWorkspaces) x.fromXML(saved);

        assertThat(loaded.getWorkspace("prod").servicePrincipals())
                .containsExactly("6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f");
        assertThat(loaded.getWorkspace("prod").getServicePrincipal()).isEqualTo("6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f");
        assertThat(loaded.allowedHostPatterns()).isEqualTo(HostPatterns.databricksDefaults());
    }

    @Test
    void hostsPipelinesMayNameDefaultToTheDatabricksDomains() {
        Unsaved config = new Unsaved();

        assertThat(config.allowedHostPatterns()).isEqualTo(HostPatterns.databricksDefaults());
        assertThat(config.getAllowedHosts()).contains("*.azuredatabricks.net").contains("*.gcp.databricks.com");
        assertThat(config.adHocHostsAllowed()).isTrue();
    }

    @Test
    void theSystemPropertyReplacesTheDefaultUntilAnAdministratorSavesAList() {
        Unsaved config = new Unsaved();
        String before = System.getProperty(DatabricksWorkspaces.ALLOWED_HOSTS_PROPERTY);
        System.setProperty(DatabricksWorkspaces.ALLOWED_HOSTS_PROPERTY, "127.0.0.1, localhost:8443");
        try {
            assertThat(config.allowedHostPatterns().patterns()).containsExactly("127.0.0.1", "localhost:8443");

            config.setAllowedHosts("*.cloud.databricks.com");
            assertThat(config.allowedHostPatterns().patterns()).containsExactly("*.cloud.databricks.com");

            System.setProperty(DatabricksWorkspaces.ALLOWED_HOSTS_PROPERTY, "");
            assertThat(new Unsaved().adHocHostsAllowed()).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty(DatabricksWorkspaces.ALLOWED_HOSTS_PROPERTY);
            } else {
                System.setProperty(DatabricksWorkspaces.ALLOWED_HOSTS_PROPERTY, before);
            }
        }
    }

    @Test
    void anEmptySavedListDisablesHostsAndIsKept() {
        Unsaved config = new Unsaved();
        config.setAllowedHosts("  ");

        assertThat(config.getAllowedHosts()).isEmpty();
        assertThat(config.adHocHostsAllowed()).isFalse();
        assertThat(config.saves).isEqualTo(1);

        config.setAllowedHosts("*.com");
        assertThat(config.adHocHostsAllowed()).isFalse();
        assertThatThrownBy(config::allowedHostPatterns).hasMessageContaining("*.com");
    }

    @Test
    void theHostsCheckNeedsAdministerAndSaysWhatIsAllowed() {
        FakeRoot admin = new FakeRoot(true);
        Unsaved config = new Unsaved();
        config.root(() -> admin);

        FormValidation ok = config.doCheckAllowedHosts("*.cloud.databricks.com\n127.0.0.1");
        assertThat(ok.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(ok.getMessage()).contains("*.cloud.databricks.com, 127.0.0.1");
        assertThat(config.doCheckAllowedHosts("").kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(config.doCheckAllowedHosts("https://x").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(admin.asked).containsOnly(Jenkins.ADMINISTER).hasSize(3);

        FakeRoot anonymous = new FakeRoot(false);
        config.root(() -> anonymous);
        assertThat(config.doCheckAllowedHosts("https://x").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(anonymous.asked).containsExactly(Jenkins.ADMINISTER);
    }

    @Test
    void displayNameIsTheSectionTitle() {
        assertThat(new Unsaved().getDisplayName()).isEqualTo("Databricks workspaces");
    }

    @Test
    void workspacesByCredentialAndByJob() {
        Unsaved config = new Unsaved();
        config.setWorkspaces(List.of(workspace("prod", "ops"), workspace("dev", null), workspace("bad", "../x")));
        config.add("prod-eu", "https://adb-2.2.azuredatabricks.net", "prod-pat");

        assertThat(config.workspacesUsing("prod-pat")).containsExactly("prod", "prod-eu");
        assertThat(config.workspacesUsing("team-pat")).isEmpty();
        assertThat(config.workspacesUsing(null)).isEmpty();
        assertThat(config.workspacesFor("ops/deploy"))
                .extracting(DatabricksWorkspace::getName)
                .containsExactly("prod", "dev", "prod-eu");
        assertThat(config.workspacesFor("team-a/x"))
                .extracting(DatabricksWorkspace::getName)
                .containsExactly("dev", "prod-eu");
    }

    @Test
    void verifyTokenUsesTheFirstConfiguredBitbucketApi() {
        Unsaved config = new Unsaved();
        assertThat(config.bitbucketApiForForms()).isEqualTo("https://api.bitbucket.org");
        config.setWorkspaces(List.of(workspace("dev", null), workspace("prod", null), workspace("eu", null)));
        config.getWorkspace("prod").setBitbucketApiUrl("https://proxy-1.example.com");
        config.getWorkspace("eu").setBitbucketApiUrl("https://proxy-2.example.com");

        assertThat(config.bitbucketApiForForms()).isEqualTo("https://proxy-1.example.com");
    }
}
