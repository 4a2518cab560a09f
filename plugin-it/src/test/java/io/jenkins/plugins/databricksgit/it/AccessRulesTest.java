package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.Result;
import io.jenkins.plugins.databricksgit.steps.DatabricksGitCredentialStep;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The access rules an administrator relies on, in a real Jenkins: a workspace's Databricks credential goes only where
 * its workspace allows, to the service principals it lists, and a Jenkinsfile cannot get around that.
 */
@WithJenkins
class AccessRulesTest extends ControllerTest {
    private static final String MANAGER_CREDENTIAL = "databricks-prod-manager";

    private EmulatedPrincipal otherTeam;

    @Override
    void configure() throws Exception {
        // prod: a Service Principal Manager's token, for the deployment folder and deploy-bot only.
        EmulatedPrincipal manager = databricks.emulator.addUser("ops@example.com", "ops");
        otherTeam = databricks.emulator.addServicePrincipal(77L, "0a1b2c3d-0000-4000-8000-000000000077", "other-team");
        databricks.emulator.grantManager(manager, databricks.deployBot);
        databricks.emulator.grantManager(manager, otherTeam);
        c.addGlobal(Controller.bitbucketToken(Controller.BITBUCKET_CREDENTIAL, databricks.token));
        c.addGlobal(Controller.secretText(MANAGER_CREDENTIAL, databricks.emulator.issuePat(manager)));
        c.folder("deploy");
        c.workspaces(c.workspace("prod", MANAGER_CREDENTIAL, w -> {
            w.setServicePrincipal(databricks.deployBot.applicationId());
            w.setAllowedJobs("deploy");
        }));
    }

    @AfterEach
    void defaultHosts() {
        System.clearProperty(DatabricksWorkspaces.ALLOWED_HOSTS_PROPERTY);
    }

    private int requests() {
        return databricks.emulator.requestCounts().values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    private WorkflowRun refused(WorkflowJob job, String expected) throws Exception {
        int before = requests();
        WorkflowRun run = c.run(job, Result.FAILURE);
        assertThat(Controller.ourLines(run)).singleElement().satisfies(l -> assertThat(l)
                .startsWith("ERROR: [databricks-git-credential] ")
                .contains(expected));
        assertThat(requests()).as("requests sent").isEqualTo(before);
        assertThat(databricks.emulator.gitCredentials(otherTeam)).isEmpty();
        assertThat(databricks.credentials()).isEmpty();
        return run;
    }

    @Test
    void theWorkspaceCredentialCannotBeNamedWithAHost() throws Exception {
        // Even with the emulator's host allowed, so that only the rule about the workspace's credential can stop it.
        System.setProperty(DatabricksWorkspaces.ALLOWED_HOSTS_PROPERTY, "127.0.0.1");
        WorkflowJob attacker = c.pipeline(
                "attacker",
                "databricksGitCredential(credentialsId: 'bb-repo-token', host: '" + databricks.url()
                        + "', databricksCredentialsId: '" + MANAGER_CREDENTIAL + "', servicePrincipal: '"
                        + otherTeam.id() + "')");
        refused(attacker, "workspace: 'prod'");
    }

    @Test
    void aJobOutsideTheAllowedFoldersIsRefused() throws Exception {
        refused(
                c.pipeline("attacker", "databricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod')"),
                "'attacker'");
    }

    @Test
    void onlyTheListedServicePrincipalsCanBeTargeted() throws Exception {
        Folder deploy = (Folder) c.j.jenkins.getItem("deploy");
        WorkflowJob job = c.pipeline(
                deploy,
                "other",
                "databricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod', servicePrincipal: '"
                        + otherTeam.applicationId() + "')");
        int writes = databricks.emulator.requestCount(
                io.jenkins.plugins.databricksgit.testkit.Endpoint.GIT_CREDENTIALS_CREATE);
        WorkflowRun run = c.run(job, Result.FAILURE);
        assertThat(Controller.ourLines(run)).singleElement().satisfies(l -> assertThat(l)
                .contains(otherTeam.applicationId()));
        assertThat(databricks.emulator.requestCount(
                        io.jenkins.plugins.databricksgit.testkit.Endpoint.GIT_CREDENTIALS_CREATE))
                .isEqualTo(writes);
        assertThat(databricks.emulator.gitCredentials(otherTeam)).isEmpty();

        WorkflowRun allowed = c.run(
                c.pipeline(deploy, "ok", "databricksGitCredential(credentialsId: 'bb-repo-token', workspace: 'prod')"),
                Result.SUCCESS);
        assertThat(databricks.credentials()).hasSize(1);
        assertThat(allowed.getResult()).isEqualTo(Result.SUCCESS);
    }

    @Test
    void aHostOutsideTheDatabricksDomainsIsRefusedByDefault() throws Exception {
        c.addGlobal(Controller.secretText("team-pat", databricks.deployBotPat));
        refused(
                c.pipeline(
                        "team",
                        "databricksGitCredential(credentialsId: 'bb-repo-token', host: '" + databricks.url()
                                + "', databricksCredentialsId: 'team-pat')"),
                "127.0.0.1");
    }

    @Test
    void theStepFormOffersOnlyTheWorkspacesTheJobMayUse() throws Exception {
        Folder deploy = (Folder) c.j.jenkins.getItem("deploy");
        WorkflowJob inside = c.pipeline(deploy, "inside", "echo 'x'");
        WorkflowJob outside = c.pipeline("outside", "echo 'x'");
        var descriptor = c.j.jenkins.getDescriptorByType(DatabricksGitCredentialStep.DescriptorImpl.class);
        assertThat(descriptor.doFillWorkspaceItems(inside, "")).anyMatch(o -> o.value.equals("prod"));
        assertThat(descriptor.doFillWorkspaceItems(outside, "")).noneMatch(o -> o.value.equals("prod"));
        // Nor the workspace's credential, which only the workspace may use.
        assertThat(descriptor.doFillDatabricksCredentialsIdItems(outside, ""))
                .noneMatch(o -> o.value.equals(MANAGER_CREDENTIAL));
    }
}
