package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.testkit.Fault;
import java.time.Duration;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A removal that failed reaches the administrators: Manage Jenkins lists it with why it is pending, and its
 * buttons work as an administrator uses them (a real page, real forms, CSRF protection on).
 */
@WithJenkins
class LeftoversMonitorTest extends ControllerTest {

    @Test
    void aFailedRemovalIsListedAndRetryNowRemovesIt() throws Exception {
        databricks.emulator.inject(
                Endpoint.GIT_CREDENTIALS_DELETE, Fault.status(400).times(1_000));
        WorkflowRun run = c.run(
                c.pipeline(
                        "deploy",
                        "withDatabricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod') { echo 'x' }"),
                Result.SUCCESS);
        assertThat(Controller.ourLines(run)).anyMatch(l -> l.contains("retried in the background"));
        assertThat(databricks.credentials()).hasSize(1);

        HtmlPage manage = c.j.createWebClient().goTo("manage/");
        String text = manage.asNormalizedText();
        assertThat(text).contains("Builds asked to remove these Databricks Git credentials", "deploy#1");

        databricks.emulator.clearFaults();
        HtmlButton retry = manage.getFirstByXPath("//button[normalize-space(.)='Retry now']");
        retry.click();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!databricks.credentials().isEmpty()) {
            assertThat(System.nanoTime()).as("Retry now removed the credential").isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(c.j.createWebClient().goTo("manage/").asNormalizedText())
                .doesNotContain("Builds asked to remove these Databricks Git credentials");
    }
}
