package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Fingerprint;
import hudson.model.Result;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Credentials and workspaces are resolved in the context of the build that uses them: its folder decides. */
@WithJenkins
class BuildContextTest extends ControllerTest {
    private static final String BLOCK =
            "withDatabricksGitCredential(credentialsId: '%s', workspace: '%s') {\n  echo 'in the body'\n}";

    @Test
    void aFolderCredentialWorksInsideItsFolderOnly() throws Exception {
        Folder team = c.folder("team-a");
        c.addToFolder(team, Controller.bitbucketToken("bb-team-a", databricks.token));

        WorkflowRun inside = c.run(c.pipeline(team, "deploy", BLOCK.formatted("bb-team-a", "prod")), Result.SUCCESS);
        assertThat(Controller.ourLines(inside)).anyMatch(l -> l.contains("Removed Git credential"));

        int requests = databricks.emulator.requestCounts().values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        WorkflowRun outside = c.run(c.pipeline("deploy", BLOCK.formatted("bb-team-a", "prod")), Result.FAILURE);
        assertThat(Controller.ourLines(outside)).singleElement().satisfies(l -> assertThat(l)
                .contains("bb-team-a"));
        assertThat(databricks.emulator.requestCounts().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(requests);
        assertThat(Controller.log(outside)).doesNotContain("in the body");
    }

    @Test
    void theUseOfEachCredentialIsTrackedWithTheBuild() throws Exception {
        WorkflowRun run = c.run(c.pipeline("deploy", BLOCK.formatted("bb-repo-token", "prod")), Result.SUCCESS);
        for (String id : new String[] {Controller.BITBUCKET_CREDENTIAL, Controller.DATABRICKS_CREDENTIAL}) {
            var credential = CredentialsProvider.lookupCredentialsInItemGroup(
                            com.cloudbees.plugins.credentials.common.StandardCredentials.class,
                            c.j.jenkins,
                            null,
                            java.util.List.of())
                    .stream()
                    .filter(x -> x.getId().equals(id))
                    .findFirst()
                    .orElseThrow();
            Fingerprint fingerprint = CredentialsProvider.getFingerprintOf(credential);
            assertThat(fingerprint).as("usage of %s", id).isNotNull();
            assertThat(fingerprint.getJobs()).contains("deploy");
            assertThat(fingerprint.getRangeSet("deploy").includes(run.getNumber()))
                    .isTrue();
        }
        assertThat(run.getResult()).isEqualTo(Result.SUCCESS);
    }

    @Test
    void aWorkspaceServesTheJobsItAllowsOnly() throws Exception {
        Folder team = c.folder("team-a");
        c.workspaces(
                c.workspace(Controller.WORKSPACE, Controller.DATABRICKS_CREDENTIAL, w -> w.setAllowedJobs("team-a")));

        c.run(c.pipeline(team, "deploy", BLOCK.formatted("bb-repo-token", "prod")), Result.SUCCESS);
        int requests = databricks.emulator.requestCounts().values().stream()
                .mapToInt(Integer::intValue)
                .sum();

        WorkflowRun refused = c.run(c.pipeline("deploy", BLOCK.formatted("bb-repo-token", "prod")), Result.FAILURE);
        assertThat(Controller.ourLines(refused)).singleElement().satisfies(l -> assertThat(l)
                .startsWith("ERROR: [databricks-git-credential] ")
                .contains("'deploy'", "'prod'"));
        assertThat(databricks.emulator.requestCounts().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .as("nothing sent for a refused job")
                .isEqualTo(requests);
    }
}
