package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.databricksgit.steps.DatabricksGitCredentialBuildWrapper;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The token is masked in the real build log, in the forms Git and HTTP tools print it. */
@WithJenkins
class MaskingTest extends ControllerTest {
    private static final List<String> FORMS = List.of("plain", "url", "basic");

    @BeforeEach
    void printTheToken() {
        PrintSecret.secret = databricks.token;
    }

    @Test
    void aBlockMasksTheTokenInEveryForm() throws Exception {
        WorkflowRun run = c.run(
                c.pipeline(
                        "deploy",
                        "withDatabricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod') {\n"
                                + "  printSecret 'plain'\n  printSecret 'url'\n  printSecret 'basic'\n"
                                + "  printSecret 'split'\n"
                                + "}\n"
                                + "echo 'after the block'"),
                Result.SUCCESS);
        String log = Controller.log(run);
        assertThat(log).contains("token=****", "url=https://x-token-auth:****@bitbucket.org");
        assertThat(log).contains("Authorization: Basic ****", "split=****");
        c.assertNoSecretIn(log);
    }

    @Test
    void theFreestyleWrapperMasksTheWholeBuild() throws Exception {
        DatabricksGitCredentialBuildWrapper w =
                new DatabricksGitCredentialBuildWrapper(Controller.BITBUCKET_CREDENTIAL);
        w.setWorkspace(Controller.WORKSPACE);
        FreeStyleProject p = c.freestyle("deploy", w);
        p.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) {
                for (String form : FORMS) {
                    listener.getLogger().println(PrintSecret.render(form, databricks.token));
                }
                return true;
            }
        });

        FreeStyleBuild b = c.run(p, Result.SUCCESS);
        String log = Controller.log(b);
        assertThat(log).contains("token=****", "Authorization: Basic ****");
        c.assertNoSecretIn(log);
    }
}
