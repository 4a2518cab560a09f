package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.databricksgit.steps.DatabricksGitCredentialBuildWrapper;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The configuration pages, rendered by the real Jelly views and submitted by a browser (HtmlUnit): saving a page
 * without changing anything keeps every value.
 */
@WithJenkins
class FormsTest extends ControllerTest {

    @ParameterizedTest(name = "verifyToken {0}")
    @ValueSource(strings = {"automatic", "true", "false"})
    void theBuildWrapperFormKeepsEveryValue(String verify) throws Exception {
        DatabricksGitCredentialBuildWrapper before =
                new DatabricksGitCredentialBuildWrapper(Controller.BITBUCKET_CREDENTIAL);
        before.setWorkspace(Controller.WORKSPACE);
        before.setName("deploy token");
        before.setGitEmail("deploy@example.com");
        before.setVerifyToken(verify.equals("automatic") ? null : Boolean.valueOf(verify));
        before.setWaitTimeout(120);
        FreeStyleProject p = c.freestyle("deploy", before);

        HtmlPage page = c.j.createWebClient().getPage(p, "configure");
        assertThat(page.asNormalizedText()).contains("Wait timeout (seconds)", "Verify the token first");
        c.j.submit(page.getFormByName("config"));

        DatabricksGitCredentialBuildWrapper after =
                p.getBuildWrappersList().get(DatabricksGitCredentialBuildWrapper.class);
        assertThat(after).isNotSameAs(before);
        c.j.assertEqualDataBoundBeans(before, after);
        assertThat(after.getVerifyToken()).isEqualTo(before.getVerifyToken());
    }

    @Test
    void theWorkspacesSectionOfTheSystemPageKeepsEveryValue() throws Exception {
        c.workspaces(c.workspace("prod", Controller.DATABRICKS_CREDENTIAL, w -> {
            w.setServicePrincipal(databricks.deployBot.applicationId());
            w.setAdditionalServicePrincipals("1234");
            w.setAllowedJobs("ops/deploy-prod\nteam-a");
        }));
        DatabricksWorkspaces.get().setAllowedHosts("*.cloud.databricks.com");
        List<DatabricksWorkspace> before = DatabricksWorkspaces.get().getWorkspaces();

        JenkinsRule.WebClient wc = c.j.createWebClient();
        c.j.submit(wc.goTo("databricks-workspaces-section").getFormByName("config"));

        List<DatabricksWorkspace> after = DatabricksWorkspaces.get().getWorkspaces();
        assertThat(after).hasSize(1);
        assertThat(after.get(0)).isNotSameAs(before.get(0));
        c.j.assertEqualDataBoundBeans(before.get(0), after.get(0));
        assertThat(DatabricksWorkspaces.get().getAllowedHosts()).isEqualTo("*.cloud.databricks.com");
    }
}
