package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import io.jenkins.plugins.databricksgit.testkit.StoredGitCredential;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Both steps in real Pipelines: what Databricks holds during and after the build, and what the log says. */
@WithJenkins
class PipelineStepsTest extends ControllerTest {

    @BeforeEach
    void openNoGate() {
        Gate.reset();
    }

    private static final String BLOCK =
            "withDatabricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod') {\n  %s\n}\n";

    @Test
    void blockHoldsTheCredentialForItsBodyOnly() throws Exception {
        WorkflowJob job = c.pipeline("deploy", BLOCK.formatted("gate 'body'"));
        WorkflowRun run = c.start(job);
        Gate.awaitReached("body");

        List<StoredGitCredential> during = databricks.credentials();
        assertThat(during).singleElement().satisfies(cred -> {
            assertThat(cred.gitProvider()).isEqualTo("bitbucketCloud");
            assertThat(cred.gitUsername()).isEqualTo("x-token-auth");
            assertThat(cred.token()).isEqualTo(databricks.token);
        });

        Gate.open("body");
        c.j.assertBuildStatusSuccess(c.j.waitForCompletion(run));
        assertThat(databricks.credentials()).isEmpty();
        assertThat(Controller.ourLines(run))
                .anyMatch(l ->
                        l.contains("Created Git credential " + during.get(0).id()))
                .anyMatch(l ->
                        l.contains("Removed Git credential " + during.get(0).id()));
        Controller.assertNoStackTrace(run);
    }

    @Test
    void blockRemovesTheCredentialWhenTheBodyFails() throws Exception {
        WorkflowRun run = c.run(c.pipeline("deploy", BLOCK.formatted("error 'deploy failed'")), Result.FAILURE);
        assertThat(databricks.credentials()).isEmpty();
        assertThat(Controller.ourLines(run)).anyMatch(l -> l.contains("Removed Git credential"));
    }

    @Test
    void blockRemovesTheCredentialWhenTheBuildIsAbortedDuringTheBody() throws Exception {
        WorkflowRun run = c.start(c.pipeline("deploy", BLOCK.formatted("gate 'body'")));
        Gate.awaitReached("body");
        assertThat(databricks.credentials()).hasSize(1);

        run.doStop();
        c.j.assertBuildStatus(Result.ABORTED, c.j.waitForCompletion(run));
        assertThat(databricks.credentials()).isEmpty();
        assertThat(Controller.ourLines(run)).anyMatch(l -> l.contains("Removed Git credential"));
    }

    @Test
    void anAbortDuringThePushLeavesNothingBehind() throws Exception {
        databricks.emulator.inject(Endpoint.GIT_CREDENTIALS_CREATE, Fault.latency(Duration.ofSeconds(3)));
        WorkflowRun run = c.start(c.pipeline("deploy", BLOCK.formatted("echo 'in the body'")));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (databricks.emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE) == 0) {
            assertThat(System.nanoTime()).as("the push reached Databricks").isLessThan(deadline);
            Thread.sleep(10);
        }

        run.doStop();
        c.j.assertBuildStatus(Result.ABORTED, c.j.waitForCompletion(run));
        assertThat(Controller.log(run)).doesNotContain("in the body");
        // The create may land after the abort: the build-completion safety net looks and removes it.
        awaitNoCredential(run);
        Controller.assertNoStackTrace(run);
    }

    @Test
    void cleanupTrueRemovesWhenTheBuildCompletes() throws Exception {
        WorkflowRun run = c.start(c.pipeline(
                "deploy",
                "databricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod', cleanup: true)\n"
                        + "gate 'later'\n"
                        + "echo 'still building'"));
        Gate.awaitReached("later");
        assertThat(databricks.credentials()).hasSize(1);

        Gate.open("later");
        c.j.assertBuildStatusSuccess(c.j.waitForCompletion(run));
        assertThat(databricks.credentials()).isEmpty();
        assertThat(Controller.ourLines(run))
                .anyMatch(l -> l.contains("will be removed when the build completes"))
                .anyMatch(l -> l.contains("Removed Git credential"));
    }

    @Test
    void withoutCleanupTheCredentialIsKeptAndItsIdReturned() throws Exception {
        WorkflowRun run = c.run(
                c.pipeline(
                        "deploy",
                        "def id = databricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod')\n"
                                + "echo \"credential id: ${id}\""),
                Result.SUCCESS);
        List<StoredGitCredential> kept = databricks.credentials();
        assertThat(kept).singleElement().satisfies(cred -> assertThat(cred.token())
                .isEqualTo(databricks.token));
        assertThat(Controller.log(run)).contains("credential id: " + kept.get(0).id());
        assertThat(Controller.ourLines(run)).anyMatch(l -> l.contains("kept after this build"));
    }

    private void awaitNoCredential(WorkflowRun run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!databricks.credentials().isEmpty()) {
            assertThat(System.nanoTime())
                    .as("the credential is removed; build log:%n%s", Controller.log(run))
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
