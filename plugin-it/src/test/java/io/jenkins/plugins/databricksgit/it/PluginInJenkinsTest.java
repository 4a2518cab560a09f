package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.User;
import io.jenkins.plugins.databricksgit.steps.DatabricksGitCredentialStep;
import io.jenkins.plugins.databricksgit.steps.WithDatabricksGitCredentialStep;
import io.jenkins.plugins.databricksgit.testkit.Endpoint;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.structs.SymbolLookup;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The plugin as Jenkins loads it: every indexed extension is found by the real ExtensionList, the Pipeline and
 * Configuration as Code names resolve, and each web method checks the real permission it must.
 */
@WithJenkins
class PluginInJenkinsTest extends ControllerTest {
    private static final String PLUGIN_PACKAGE = "io.jenkins.plugins.databricksgit.";
    private static final String TESTS_PACKAGE = "io.jenkins.plugins.databricksgit.it.";

    private WorkflowJob job;

    @Override
    void configure() throws Exception {
        c.standard();
        JenkinsRule j = c.j;
        job = c.pipeline("deploy", "echo 'nothing'");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader", "configurer")
                .grant(Item.EXTENDED_READ, Item.CONFIGURE)
                .onItems(job)
                .to("configurer"));
    }

    @Test
    void everyIndexedExtensionIsLoaded() throws Exception {
        ClassLoader loader = c.j.jenkins.getPluginManager().uberClassLoader;
        List<String> ours = new ArrayList<>();
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
            String name = item.className();
            if (!name.startsWith(PLUGIN_PACKAGE) || name.startsWith(TESTS_PACKAGE)) {
                continue;
            }
            ours.add(name);
            Class<?> type = loader.loadClass(name);
            assertThat(ExtensionList.lookup(type)).as(name).hasSize(1);
        }
        assertThat(ours)
                .contains(
                        DatabricksGitCredentialStep.DescriptorImpl.class.getName(),
                        WithDatabricksGitCredentialStep.DescriptorImpl.class.getName(),
                        DatabricksWorkspaces.class.getName(),
                        PLUGIN_PACKAGE + "steps.DatabricksGitCredentialBuildWrapper$DescriptorImpl",
                        PLUGIN_PACKAGE + "steps.FailedRemovalsMonitor",
                        PLUGIN_PACKAGE + "steps.PendingRemovalSafetyNet",
                        PLUGIN_PACKAGE + "steps.PendingRemovalRetry",
                        PLUGIN_PACKAGE + "steps.StepsRuntime",
                        PLUGIN_PACKAGE + "impl.BitbucketRepositoryAccessTokenImpl$DescriptorImpl",
                        PLUGIN_PACKAGE + "impl.DatabricksServicePrincipalCredentialsImpl$DescriptorImpl");
    }

    @Test
    void pipelineAndConfigurationAsCodeNamesResolve() {
        assertThat(StepDescriptor.byFunctionName("databricksGitCredential"))
                .isInstanceOf(DatabricksGitCredentialStep.DescriptorImpl.class);
        assertThat(StepDescriptor.byFunctionName("withDatabricksGitCredential"))
                .isInstanceOf(WithDatabricksGitCredentialStep.DescriptorImpl.class);
        for (String symbol :
                List.of("bitbucketRepositoryAccessToken", "databricksServicePrincipal", "databricksWorkspace")) {
            assertThat(SymbolLookup.get().findDescriptor(Object.class, symbol))
                    .as(symbol)
                    .isInstanceOf(Descriptor.class);
        }
    }

    @Test
    void theStepFormListsCredentialsOnlyToWhoMayConfigureTheJob() throws Exception {
        String url = "job/deploy/descriptorByName/" + DatabricksGitCredentialStep.class.getName()
                + "/fillCredentialsIdItems?credentialsId=";
        assertThat(get("configurer", url)).contains(Controller.BITBUCKET_CREDENTIAL);
        assertThat(get("reader", url)).doesNotContain(Controller.BITBUCKET_CREDENTIAL);
        assertThat(get("admin", url)).contains(Controller.BITBUCKET_CREDENTIAL);
    }

    @Test
    void testConnectionIsForAdministratorsOnly() throws Exception {
        String url = "descriptorByName/io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace/testConnection";
        List<NameValuePair> form = List.of(
                new NameValuePair("url", databricks.url()),
                new NameValuePair("credentialsId", Controller.DATABRICKS_CREDENTIAL),
                new NameValuePair("servicePrincipal", ""));
        assertThat(post("configurer", url, form).getWebResponse().getStatusCode())
                .isEqualTo(403);
        Page page = post("admin", url, form);
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(page.getWebResponse().getContentAsString()).contains("Authenticated as");
    }

    @Test
    void dismissingALeftoverIsForAdministratorsOnly() throws Exception {
        String url = "administrativeMonitor/io.jenkins.plugins.databricksgit.steps.FailedRemovalsMonitor/dismiss";
        List<NameValuePair> form = List.of(new NameValuePair("id", "no-such-removal"));
        assertThat(post("configurer", url, form).getWebResponse().getStatusCode())
                .isEqualTo(403);
        // Done: back to the page the administrator came from.
        assertThat(post("admin", url, form).getWebResponse().getStatusCode()).isBetween(300, 399);
    }

    @Test
    void verifyingATokenNeedsTheRightToCreateCredentials() throws Exception {
        String url = "descriptorByName/io.jenkins.plugins.databricksgit.impl.BitbucketRepositoryAccessTokenImpl"
                + "/verifyToken";
        List<NameValuePair> form = List.of(
                new NameValuePair("token", databricks.token),
                new NameValuePair("workspace", "acme"),
                new NameValuePair("repository", "app"));
        // A form check answers with a message, not a status: the reader is refused before the token goes anywhere.
        Page refused = post("reader", url, form);
        assertThat(refused.getWebResponse().getContentAsString()).contains("permission");
        assertThat(databricks.emulator.requestCount(Endpoint.BITBUCKET_REPOSITORY))
                .isZero();
        Page page = post("admin", url, form);
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
    }

    private JenkinsRule.WebClient as(String user) {
        JenkinsRule.WebClient wc = c.j.createWebClient()
                .withThrowExceptionOnFailingStatusCode(false)
                .withRedirectEnabled(false);
        // An API token: scripted clients use them, and they need no CSRF crumb.
        return wc.withBasicCredentials(user, c.j.createApiToken(User.getById(user, true)));
    }

    private String get(String user, String path) throws Exception {
        return as(user).goTo(path, "application/json").getWebResponse().getContentAsString();
    }

    private Page post(String user, String path, List<NameValuePair> form) throws Exception {
        WebRequest request = new WebRequest(new URL(c.j.getURL(), path), HttpMethod.POST);
        request.setRequestParameters(form);
        return as(user).getPage(request);
    }
}
