package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.io.File;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The removal rules (docs/pipeline.md, "When the credential is removed") where Pipeline is involved. */
@WithJenkins
class RemovalRulesTest extends ControllerTest {
    private static final String KEEP = "databricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod')";
    private static final String BLOCK =
            "withDatabricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod') { echo 'body' }";

    @Test
    void aBlockLeavesTheCredentialAnEarlierBuildKept() throws Exception {
        c.run(c.pipeline("keeper", KEEP), Result.SUCCESS);
        List<StoredGitCredential> kept = databricks.credentials();
        assertThat(kept).hasSize(1);

        WorkflowRun block = c.run(c.pipeline("block", BLOCK), Result.SUCCESS);
        assertThat(databricks.credentials())
                .extracting(StoredGitCredential::id)
                .containsExactly(kept.get(0).id());
        assertThat(Controller.ourLines(block)).anyMatch(l -> l.contains("Kept Git credential"));
    }

    @Test
    void aBlockThatCreatedTheCredentialRemovesItThoughTheSameTokenWasKeptBefore() throws Exception {
        c.run(c.pipeline("keeper", KEEP), Result.SUCCESS);
        // Someone deletes the kept credential; the block's push creates it again, so it is the block's to remove.
        databricks.emulator.deleteGitCredentials(databricks.deployBot);

        WorkflowRun block = c.run(c.pipeline("block", BLOCK), Result.SUCCESS);
        assertThat(databricks.credentials()).isEmpty();
        assertThat(Controller.ourLines(block)).anyMatch(l -> l.contains("Removed Git credential"));
    }

    @Test
    void aServicePrincipalGivenByNameFailsTheBlockAndLeavesNothingPending() throws Exception {
        WorkflowRun run = c.run(
                c.pipeline(
                        "block",
                        "withDatabricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod',"
                                + " servicePrincipal: 'deploy-bot') { echo 'never' }"),
                Result.FAILURE);
        assertThat(Controller.ourLines(run)).singleElement().satisfies(l -> assertThat(l)
                .contains("not its display name"));
        assertThat(Controller.log(run)).doesNotContain("never");
        assertThat(databricks.emulator.requestCounts().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isZero();
        File registry = new File(c.j.jenkins.getRootDir(), "databricks-git-credential-pending-removals.json");
        assertThat(!registry.exists()
                        || new io.jenkins.plugins.databricksgit.core.lifecycle.PendingRemovalFile(registry.toPath())
                                .read()
                                .isEmpty())
                .as("nothing left for the administrators")
                .isTrue();
        assertThat(run.getAction(io.jenkins.plugins.databricksgit.steps.PendingRemovalsAction.class) == null
                        || run.getAction(io.jenkins.plugins.databricksgit.steps.PendingRemovalsAction.class)
                                .getRemovals()
                                .isEmpty())
                .isTrue();
    }
}
