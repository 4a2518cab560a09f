package io.jenkins.plugins.databricksgit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.impl.BitbucketRepositoryAccessTokenImpl;
import io.jenkins.plugins.databricksgit.impl.DatabricksServicePrincipalCredentialsImpl;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspace;
import io.jenkins.plugins.databricksgit.workspace.DatabricksWorkspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.JenkinsSessionRule;

/**
 * What an administrator saves comes back after a restart, field for field, and every secret is stored encrypted.
 * JUnit 4 for JenkinsSessionRule, as in {@link RestartTest}.
 */
public class PersistenceTest {
    private static final String CLIENT_SECRET = "dose-client-secret-7c1f0e2a";

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    private Controller.Databricks databricks;

    @Before
    public void startDatabricks() {
        databricks = new Controller.Databricks();
    }

    @After
    public void stopDatabricks() {
        databricks.close();
    }

    @Test
    public void credentialsAndWorkspacesSurviveARestartWithTheirSecretsEncrypted() throws Throwable {
        sessions.then(j -> {
            Controller c = new Controller(j, databricks);
            BitbucketRepositoryAccessTokenImpl token =
                    Controller.bitbucketToken(Controller.BITBUCKET_CREDENTIAL, databricks.token);
            token.setExpiryDate("2031-03-31");
            c.addGlobal(token);
            c.addGlobal(Controller.secretText(Controller.DATABRICKS_CREDENTIAL, databricks.deployBotPat));
            c.addGlobal(Controller.servicePrincipalSecret(
                    "databricks-sp", databricks.deployBot.applicationId(), CLIENT_SECRET));
            c.workspaces(
                    c.workspace("prod", "databricks-sp", w -> {
                        w.setServicePrincipal(databricks.deployBot.applicationId());
                        w.setAdditionalServicePrincipals("1234\n5678");
                        w.setAllowedJobs("ops/deploy-prod\nteam-a");
                    }),
                    c.workspace("dev", Controller.DATABRICKS_CREDENTIAL, w -> {}));
            DatabricksWorkspaces.get().setAllowedHosts("*.cloud.databricks.com\n127.0.0.1");
        });
        sessions.then(j -> {
            BitbucketRepositoryAccessTokenImpl token = credential(j, Controller.BITBUCKET_CREDENTIAL);
            assertThat(token.getPassword().getPlainText()).isEqualTo(databricks.token);
            assertThat(token.getUsername()).isEqualTo("x-token-auth");
            assertThat(token.getWorkspace()).isEqualTo("acme");
            assertThat(token.getRepository()).isEqualTo("app");
            assertThat(token.getExpiryDate()).isEqualTo("2031-03-31");
            StringCredentials pat = credential(j, Controller.DATABRICKS_CREDENTIAL);
            assertThat(pat.getSecret().getPlainText()).isEqualTo(databricks.deployBotPat);
            DatabricksServicePrincipalCredentialsImpl sp = credential(j, "databricks-sp");
            assertThat(sp.getClientId()).isEqualTo(databricks.deployBot.applicationId());
            assertThat(sp.getClientSecret().getPlainText()).isEqualTo(CLIENT_SECRET);

            List<DatabricksWorkspace> workspaces = DatabricksWorkspaces.get().getWorkspaces();
            assertThat(workspaces).extracting(DatabricksWorkspace::getName).containsExactly("prod", "dev");
            DatabricksWorkspace prod = workspaces.get(0);
            assertThat(prod.getUrl()).isEqualTo(databricks.url());
            assertThat(prod.getCredentialsId()).isEqualTo("databricks-sp");
            assertThat(prod.servicePrincipals()).containsExactly(databricks.deployBot.applicationId(), "1234", "5678");
            assertThat(prod.getAllowedJobs()).isEqualTo("ops/deploy-prod\nteam-a");
            assertThat(prod.getBitbucketApiUrl()).isEqualTo(databricks.emulator.bitbucketApiUrl());
            assertThat(DatabricksWorkspaces.get().getAllowedHosts()).isEqualTo("*.cloud.databricks.com\n127.0.0.1");

            // On disk: the secrets only in encrypted form.
            String credentialsXml = Files.readString(
                    j.jenkins.getRootDir().toPath().resolve("credentials.xml"), StandardCharsets.UTF_8);
            for (Secret secret : List.of(token.getPassword(), pat.getSecret(), sp.getClientSecret())) {
                assertThat(credentialsXml).contains(secret.getEncryptedValue());
            }
            new Controller(j, databricks).assertNoneOnDisk(List.of(CLIENT_SECRET));
            new Controller(j, databricks).assertNoSecretOnDisk();
        });
    }

    @SuppressWarnings("unchecked")
    private static <C extends StandardCredentials> C credential(JenkinsRule j, String id) {
        return (C)
                CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, j.jenkins, null, List.of())
                        .stream()
                        .filter(c -> c.getId().equals(id))
                        .findFirst()
                        .orElseThrow();
    }
}
