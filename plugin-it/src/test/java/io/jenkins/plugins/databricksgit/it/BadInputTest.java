package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.Result;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import java.util.List;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every way a Jenkinsfile can get the step wrong fails the build with one line that says what to do, before anything
 * is sent to Databricks.
 */
@WithJenkins
class BadInputTest extends ControllerTest {

    private boolean strict;

    @Override
    void configure() throws Exception {
        // The test harness makes Pipeline reject unknown step arguments; a real controller only warns, and then our
        // step sees the argument as missing. Test what users get.
        strict = DescribableModel.STRICT_PARAMETER_CHECKING;
        DescribableModel.STRICT_PARAMETER_CHECKING = false;
        c.standard();
        Folder team = c.folder("team-a");
        c.workspaces(
                c.workspace(Controller.WORKSPACE, Controller.DATABRICKS_CREDENTIAL, w -> {}),
                c.workspace("restricted", Controller.DATABRICKS_CREDENTIAL, w -> w.setAllowedJobs("team-b")));
        c.j.jenkins.save();
        assertThat(team).isNotNull();
    }

    @AfterEach
    void strictAsBefore() {
        DescribableModel.STRICT_PARAMETER_CHECKING = strict;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            no credentialsId           | databricksGitCredential(workspace: 'prod')                                                      | credentialsId is required
            blank credentialsId        | databricksGitCredential(credentialsId: ' ', workspace: 'prod')                                 | credentialsId is required
            unknown credentialsId      | databricksGitCredential(credentialsId: 'nope', workspace: 'prod')                              | 'nope'
            Databricks PAT as token    | databricksGitCredential(credentialsId: 'databricks-deploy-bot-pat', workspace: 'prod')         | a Databricks credential
            unknown workspace          | databricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'staging')                  | 'staging'
            job outside the allow-list | databricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'restricted')               | 'restricted'
            workspace and host         | databricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod', host: 'https://x.cloud.databricks.com', databricksCredentialsId: 'databricks-deploy-bot-pat') | not both
            neither workspace nor host | databricksGitCredential(credentialsId: 'bb-repo-token')                                        | Name a Databricks workspace
            host without credential    | databricksGitCredential(credentialsId: 'bb-repo-token', host: 'https://x.cloud.databricks.com') | needs databricksCredentialsId
            misspelt workspace         | databricksGitCredential(credentialsId: 'bb-repo-token', workspce: 'prod')                      | Name a Databricks workspace
            negative waitTimeout       | databricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod', waitTimeout: -1)    | waitTimeout
            block without credential   | withDatabricksGitCredential(workspace: 'prod') { echo 'never' }                                 | credentialsId is required
            block, unknown workspace   | withDatabricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'staging') { echo 'never' } | 'staging'
            """)
    void failsWithOneClearLineAndSendsNothing(String what, String script, String expected) throws Exception {
        WorkflowRun run = c.run(c.pipeline("job", script), Result.FAILURE);

        List<String> ours = Controller.ourLines(run);
        assertThat(ours)
                .as("our lines in the log of: %s%n%s", what, Controller.log(run))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("ERROR: [databricks-git-credential] ")
                        .contains(expected));
        assertThat(Controller.log(run)).doesNotContain("never");
        Controller.assertNoStackTrace(run);
        assertThat(databricks.emulator.requestCounts().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .as("requests sent to Databricks or Bitbucket")
                .isZero();
        assertThat(databricks.emulator.requestCount(Endpoint.GIT_CREDENTIALS_CREATE))
                .isZero();
    }
}
