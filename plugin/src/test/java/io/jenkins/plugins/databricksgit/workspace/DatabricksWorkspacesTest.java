package io.jenkins.plugins.databricksgit.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabricksWorkspacesTest {
    /** The global configuration without a controller: nothing to load, saves counted. */
    static final class Unsaved extends DatabricksWorkspaces {
        int saves;

        @Override
        public synchronized void load() {}

        @Override
        public synchronized void save() {
            saves++;
        }
    }

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
                .hasMessage("Job 'team-a/experiments' may not use Databricks workspace 'prod': only ops, team-a/deploy"
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
                                "bitbucketApiUrl", "https://bitbucket-proxy.example.com",
                                "allowedJobs", "ops\nteam-a/deploy"),
                        Map.of(
                                "name", "dev",
                                "url", "https://dbc-a1b2c3d4-e5f6.cloud.databricks.com",
                                "credentialsId", "dev-pat")));

        Unsaved config = new Unsaved();
        DataBoundBinding.configure(config, yaml);

        assertThat(config.getWorkspace("prod").getServicePrincipal()).isEqualTo("6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f");
        assertThat(config.getWorkspace("dev").getAllowedJobs()).isNull();
        assertThat(DataBoundBinding.export(config)).isEqualTo(yaml);
    }
}
