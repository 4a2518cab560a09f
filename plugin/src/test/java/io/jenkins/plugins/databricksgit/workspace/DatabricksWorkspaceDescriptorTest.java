package io.jenkins.plugins.databricksgit.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.util.FormValidation;
import hudson.util.FormValidation.Kind;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.impl.DatabricksServicePrincipalCredentialsImpl;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.testkit.EmulatedPrincipal;
import io.jenkins.plugins.databricksgit.testkit.OAuthClient;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class DatabricksWorkspaceDescriptorTest {
    private final List<StandardCredentials> global = new ArrayList<>();
    private final FakeRoot admin = new FakeRoot(true);

    private DatabricksWorkspace.DescriptorImpl descriptor(FakeRoot root) {
        return new DatabricksWorkspace.DescriptorImpl(
                () -> root, () -> global, (w, c) -> WorkspaceClients.client(w, c, ClientSettings.defaults()));
    }

    @Test
    void hostWithoutHttpsIsAnError() {
        FormValidation v = descriptor(admin).doCheckUrl("http://adb-1234567890123456.7.azuredatabricks.net");

        assertThat(v.kind).isEqualTo(Kind.ERROR);
        assertThat(v.getMessage()).contains("must use https://");
        assertThat(descriptor(admin).doCheckUrl("adb-1.azuredatabricks.net").getMessage())
                .contains("no scheme");
    }

    @Test
    void hostWithAPathIsAWarningThatSaysWhatIsDropped() {
        FormValidation v = descriptor(admin)
                .doCheckUrl("https://adb-1234567890123456.7.azuredatabricks.net/browse/folders/1?o=1234567890123456");

        assertThat(v.kind).isEqualTo(Kind.WARNING);
        assertThat(v.getMessage())
                .contains("the path /browse/folders/1")
                .contains("https://adb-1234567890123456.7.azuredatabricks.net used");
        assertThat(descriptor(admin).doCheckUrl("https://dbc-a1b2.cloud.databricks.com").kind)
                .isEqualTo(Kind.OK);
    }

    @Test
    void unknownCredentialsIdIsAWarningNamingIt() {
        global.add(new SecretText("databricks-pat", "dapi123"));

        FormValidation v = descriptor(admin).doCheckCredentialsId("prod-pat");

        assertThat(v.kind).isEqualTo(Kind.WARNING);
        assertThat(v.getMessage())
                .contains("No global credential has the id prod-pat")
                .contains("folders");
        assertThat(descriptor(admin).doCheckCredentialsId("databricks-pat").kind)
                .isEqualTo(Kind.OK);
        assertThat(descriptor(admin).doCheckCredentialsId("").kind).isEqualTo(Kind.ERROR);
    }

    @Test
    void credentialOfAnotherKindIsAnError() {
        global.add(new BaseStandardCredentials("ssh-key", "") {});

        FormValidation v = descriptor(admin).doCheckCredentialsId("ssh-key");

        assertThat(v.kind).isEqualTo(Kind.ERROR);
        assertThat(v.getMessage()).contains("ssh-key").contains("Secret text");
    }

    @Test
    void servicePrincipalMustBeNumericOrAnApplicationId() {
        FormValidation v = descriptor(admin).doCheckServicePrincipal("deploy-bot");

        assertThat(v.kind).isEqualTo(Kind.ERROR);
        assertThat(v.getMessage()).contains("application id").contains("numeric id");
        assertThat(descriptor(admin).doCheckServicePrincipal("1234567890").kind).isEqualTo(Kind.OK);
        assertThat(descriptor(admin).doCheckServicePrincipal("6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f").kind)
                .isEqualTo(Kind.OK);
        assertThat(descriptor(admin).doCheckServicePrincipal("").kind).isEqualTo(Kind.OK);
        assertThat(descriptor(admin).doCheckServicePrincipal("6f1d2c3b-0a9e-4f56-8d7c").kind)
                .isEqualTo(Kind.ERROR);
    }

    @Test
    void allowedJobsAndOtherFields() {
        assertThat(descriptor(admin).doCheckAllowedJobs("").kind).isEqualTo(Kind.WARNING);
        assertThat(descriptor(admin).doCheckAllowedJobs("team-a\nops/deploy").kind)
                .isEqualTo(Kind.OK);
        FormValidation bad = descriptor(admin).doCheckAllowedJobs("team-a\nops//deploy");
        assertThat(bad.kind).isEqualTo(Kind.ERROR);
        assertThat(bad.getMessage()).contains("ops//deploy");

        assertThat(descriptor(admin).doCheckName(" ").kind).isEqualTo(Kind.ERROR);
    }

    @Test
    void bitbucketApiUrlIsParsedAndTheCheckSaysWhereTokensWillGo() {
        var d = descriptor(admin);

        FormValidation proxy = d.doCheckBitbucketApiUrl("https://bitbucket-proxy.example/api/?x=1");
        assertThat(proxy.kind).isEqualTo(Kind.OK);
        assertThat(proxy.getMessage())
                .contains("https://bitbucket-proxy.example/api/2.0/repositories/&lt;workspace&gt;/&lt;repository&gt;");
        assertThat(d.doCheckBitbucketApiUrl("http://127.0.0.1:8080").kind).isEqualTo(Kind.OK);
        assertThat(d.doCheckBitbucketApiUrl("http://[::1]:8080").kind).isEqualTo(Kind.OK);
        assertThat(d.doCheckBitbucketApiUrl("").kind).isEqualTo(Kind.OK);
        for (String bad : List.of(
                "http://bitbucket-proxy.example",
                "http://localhost.evil.com",
                "http://127.0.0.1.evil.com",
                "https://user:secret@bitbucket-proxy.example",
                "ftp://bitbucket-proxy.example",
                "api.bitbucket.org")) {
            FormValidation v = d.doCheckBitbucketApiUrl(bad);
            assertThat(v.kind).as(bad).isEqualTo(Kind.ERROR);
            assertThat(v.getMessage()).as(bad).doesNotContain("secret");
        }
        assertThat(admin.asked).containsOnly(Jenkins.ADMINISTER);
    }

    @Test
    void additionalServicePrincipalsAreIdsOneAPerLine() {
        var d = descriptor(admin);

        assertThat(d.doCheckAdditionalServicePrincipals("8573549053511\n6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f").kind)
                .isEqualTo(Kind.OK);
        FormValidation bad = d.doCheckAdditionalServicePrincipals("8573549053511\ndeploy-bot");
        assertThat(bad.kind).isEqualTo(Kind.ERROR);
        assertThat(bad.getMessage()).contains("deploy-bot");
        assertThat(d.doCheckAdditionalServicePrincipals("").kind).isEqualTo(Kind.OK);

        DatabricksWorkspace w = new DatabricksWorkspace("prod", "https://x.cloud.databricks.com", "pat");
        w.setServicePrincipal("111");
        w.setAdditionalServicePrincipals(" 222 ,111\n\n# a comment\n333 ");
        assertThat(w.getAdditionalServicePrincipals()).isEqualTo("222\n111\n333");
        assertThat(w.servicePrincipals()).containsExactly("111", "222", "333");
        w.setAdditionalServicePrincipals(" ");
        assertThat(w.getAdditionalServicePrincipals()).isNull();
    }

    @Test
    void withoutAdministerChecksSayNothingAndTestConnectionIsRefused() {
        FakeRoot anonymous = new FakeRoot(false);
        global.add(new SecretText("databricks-pat", "dapi123"));
        var d = descriptor(anonymous);

        assertThat(d.doCheckCredentialsId("databricks-pat").kind).isEqualTo(Kind.OK);
        assertThat(d.doCheckCredentialsId("prod-pat").kind).isEqualTo(Kind.OK);
        assertThat(d.doCheckUrl("http://x").kind).isEqualTo(Kind.OK);
        assertThat(d.doCheckServicePrincipal("bad").kind).isEqualTo(Kind.OK);
        assertThat(d.doCheckBitbucketApiUrl("http://x").kind).isEqualTo(Kind.OK);
        assertThat(d.doCheckAdditionalServicePrincipals("bad").kind).isEqualTo(Kind.OK);
        assertThatThrownBy(() -> d.doTestConnection("https://x.example", "databricks-pat", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(anonymous.checks).isEqualTo(7);
        assertThat(anonymous.asked).hasSize(7).containsOnly(Jenkins.ADMINISTER);
    }

    @Test
    void testConnectionSaysWhoAuthenticatedAndWhetherTheTargetsCredentialsCanBeListed() {
        try (DatabricksEmulator emulator = DatabricksEmulator.start()) {
            EmulatedPrincipal manager = emulator.addServicePrincipal("jenkins-manager");
            EmulatedPrincipal runner = emulator.addServicePrincipal("job-runner");
            emulator.grantManager(manager, runner);
            OAuthClient oauth = emulator.issueOAuthSecret(manager);
            global.add(new DatabricksServicePrincipalCredentialsImpl(
                    null, "manager-oauth", "", oauth.clientId(), Secret.fromString(oauth.clientSecret())));
            String pat = emulator.issuePat(runner);
            global.add(new SecretText("runner-pat", pat));

            FormValidation managed =
                    descriptor(admin).doTestConnection(emulator.url(), "manager-oauth", runner.applicationId());
            assertThat(managed.kind).as(managed.getMessage()).isEqualTo(Kind.OK);
            assertThat(managed.getMessage())
                    .contains("Authenticated as jenkins-manager")
                    .contains("Git credentials of job-runner")
                    .doesNotContain(oauth.clientSecret());

            FormValidation own = descriptor(admin).doTestConnection(emulator.url(), "runner-pat", "");
            assertThat(own.kind).isEqualTo(Kind.OK);
            assertThat(own.getMessage()).contains("Authenticated as job-runner").doesNotContain(pat);

            emulator.revokePat(pat);
            FormValidation revoked = descriptor(admin).doTestConnection(emulator.url(), "runner-pat", "");
            assertThat(revoked.kind).isEqualTo(Kind.ERROR);
            assertThat(revoked.getMessage()).doesNotContain(pat);

            FormValidation missing = descriptor(admin).doTestConnection(emulator.url(), "nope", "");
            assertThat(missing.kind).isEqualTo(Kind.ERROR);
            assertThat(missing.getMessage()).contains("nope");
        }
    }
}
