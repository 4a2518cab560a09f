package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.core.lifecycle.PendingRemovalFile;
import java.io.File;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * A controller restart while a build holds the credential: the build resumes and the credential is removed, and
 * nothing is left pending. JUnit 4, because JenkinsSessionRule (restarts with the same JENKINS_HOME) has no JUnit 5
 * form in this Jenkins Test Harness.
 */
public class RestartTest {
    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    private Controller.Databricks databricks;

    @Before
    public void startDatabricks() {
        Gate.reset();
        databricks = new Controller.Databricks();
    }

    @After
    public void stopDatabricks() {
        databricks.close();
    }

    @Test
    public void aBlockWhoseBodyRunsAcrossARestartRemovesTheCredential() throws Throwable {
        sessions.then(j -> {
            Controller c = new Controller(j, databricks).standard();
            WorkflowJob job = c.pipeline(
                    "deploy",
                    "withDatabricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod') {\n"
                            + "  gate 'body'\n"
                            + "  echo 'body resumed'\n"
                            + "}");
            c.start(job);
            Gate.awaitReached("body");
            assertThat(databricks.credentials()).hasSize(1);
            Gate.reset();
        });
        sessions.then(j -> {
            // What the shutdown wrote (program.dat with the block's masking filter, build.xml) holds no secret.
            new Controller(j, databricks).assertNoSecretOnDisk();
            WorkflowRun run = build(j);
            Gate.open("body");
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            assertThat(Controller.log(run)).contains("body resumed");
            assertThat(databricks.credentials()).isEmpty();
            assertThat(Controller.ourLines(run)).anyMatch(l -> l.contains("Removed Git credential"));
            assertNothingPending(j);
            new Controller(j, databricks).assertNoSecretOnDisk();
        });
    }

    @Test
    public void aCleanupBuildThatRunsAcrossARestartRemovesTheCredential() throws Throwable {
        sessions.then(j -> {
            Controller c = new Controller(j, databricks).standard();
            WorkflowJob job = c.pipeline(
                    "deploy",
                    "databricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod', cleanup: true)\n"
                            + "gate 'later'\n"
                            + "echo 'resumed'");
            c.start(job);
            Gate.awaitReached("later");
            assertThat(databricks.credentials()).hasSize(1);
            // Recorded in this controller's own JENKINS_HOME, where the next start reads it.
            assertThat(new PendingRemovalFile(registry(j)).read()).hasSize(1);
            Gate.reset();
        });
        sessions.then(j -> {
            // What the shutdown wrote (program.dat with the block's masking filter, build.xml) holds no secret.
            new Controller(j, databricks).assertNoSecretOnDisk();
            WorkflowRun run = build(j);
            Gate.open("later");
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            assertThat(databricks.credentials()).isEmpty();
            assertThat(Controller.ourLines(run)).anyMatch(l -> l.contains("Removed Git credential"));
            assertNothingPending(j);
            new Controller(j, databricks).assertNoSecretOnDisk();
        });
    }

    private static WorkflowRun build(JenkinsRule j) {
        return j.jenkins.getItemByFullName("deploy", WorkflowJob.class).getBuildByNumber(1);
    }

    private static void assertNothingPending(JenkinsRule j) throws Exception {
        assertThat(new PendingRemovalFile(registry(j)).read()).isEmpty();
    }

    private static Path registry(JenkinsRule j) {
        return new File(j.jenkins.getRootDir(), "databricks-git-credential-pending-removals.json").toPath();
    }
}
