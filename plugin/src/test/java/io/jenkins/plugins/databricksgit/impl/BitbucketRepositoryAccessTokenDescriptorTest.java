package io.jenkins.plugins.databricksgit.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.util.FormValidation;
import hudson.util.FormValidation.Kind;
import io.jenkins.plugins.databricksgit.core.BitbucketClient;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import io.jenkins.plugins.databricksgit.workspace.UnsavedWorkspaces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BitbucketRepositoryAccessTokenDescriptorTest {
    private static final Clock MARCH_1 = Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final FakeContext ALLOWED = new FakeContext(true);
    private static final FakeContext DENIED = new FakeContext(false);

    private final BitbucketRepositoryAccessTokenImpl.DescriptorImpl descriptor =
            new BitbucketRepositoryAccessTokenImpl.DescriptorImpl(
                    MARCH_1,
                    url -> {
                        throw new AssertionError("no network call expected");
                    },
                    () -> BitbucketClient.DEFAULT_API_URL);

    @Test
    void emptyTokenIsAnError() {
        FormValidation v = descriptor.doCheckToken(ALLOWED, "");

        assertThat(v.kind).isEqualTo(Kind.ERROR);
        assertThat(v.getMessage()).contains("Enter the repository access token").contains("Access tokens");
    }

    @Test
    void tokenWithWhitespaceIsAnError() {
        FormValidation v = descriptor.doCheckToken(ALLOWED, "ATCTabc def");

        assertThat(v.kind).isEqualTo(Kind.ERROR);
        assertThat(v.getMessage()).contains("whitespace").contains("position 8").doesNotContain("ATCTabc");
    }

    @Test
    void tokenWithLineBreakInsideIsAnError() {
        FormValidation v = descriptor.doCheckToken(ALLOWED, "ATCTabc\ndef");

        assertThat(v.kind).isEqualTo(Kind.ERROR);
        assertThat(v.getMessage()).contains("whitespace or a control character");
    }

    @Test
    void tokenNotStartingWithAtctIsAWarning() {
        FormValidation v = descriptor.doCheckToken(ALLOWED, "ATBBapppassword123");

        assertThat(v.kind).isEqualTo(Kind.WARNING);
        assertThat(v.getMessage()).contains("does not start with ATCT").contains("x-token-auth");
    }

    @Test
    void accessTokenIsFine() {
        assertThat(descriptor.doCheckToken(ALLOWED, "ATCTT3xFfGN0abc").kind).isEqualTo(Kind.OK);
    }

    @Test
    void withoutPermissionNothingIsChecked() {
        FakeContext denied = new FakeContext(false);
        assertThat(descriptor.doCheckToken(denied, "").kind).isEqualTo(Kind.OK);
        assertThat(denied.asked).containsExactly(List.of(CredentialsProvider.CREATE, CredentialsProvider.UPDATE));
        assertThat(descriptor.doCheckToken(DENIED, "").kind).isEqualTo(Kind.OK);
        assertThat(descriptor.doCheckExpiryDate(DENIED, "yesterday").kind).isEqualTo(Kind.OK);
        assertThat(descriptor.doCheckWorkspace(DENIED, "a/b").kind).isEqualTo(Kind.OK);
        assertThat(descriptor.doCheckToken(null, "").kind).isEqualTo(Kind.OK);
    }

    @Test
    void workspaceAndRepositoryAreSlugs() {
        FormValidation slash = descriptor.doCheckWorkspace(ALLOWED, "acme/data");
        assertThat(slash.kind).isEqualTo(Kind.ERROR);
        assertThat(slash.getMessage()).contains("single slug");

        assertThat(descriptor.doCheckWorkspace(ALLOWED, "acme").kind).isEqualTo(Kind.OK);
        assertThat(descriptor.doCheckRepository(ALLOWED, "data-pipelines", "acme").kind)
                .isEqualTo(Kind.OK);
        FormValidation alone = descriptor.doCheckRepository(ALLOWED, "data-pipelines", "");
        assertThat(alone.kind).isEqualTo(Kind.WARNING);
        assertThat(alone.getMessage()).contains("workspace");
    }

    @Test
    void expiryDateWarnsWhenPastOrWithinFourteenDays() {
        FormValidation past = descriptor.doCheckExpiryDate(ALLOWED, "2027-02-27");
        assertThat(past.kind).isEqualTo(Kind.WARNING);
        assertThat(past.getMessage()).contains("expired on 2027-02-27");

        FormValidation soon = descriptor.doCheckExpiryDate(ALLOWED, "2027-03-06");
        assertThat(soon.kind).isEqualTo(Kind.WARNING);
        assertThat(soon.getMessage()).contains("expires in 5 days");

        assertThat(descriptor.doCheckExpiryDate(ALLOWED, "2027-03-01").getMessage())
                .contains("expires today");
        assertThat(descriptor.doCheckExpiryDate(ALLOWED, "2027-03-16").kind).isEqualTo(Kind.OK);
        assertThat(descriptor.doCheckExpiryDate(ALLOWED, "").kind).isEqualTo(Kind.OK);

        FormValidation bad = descriptor.doCheckExpiryDate(ALLOWED, "31.03.2027");
        assertThat(bad.kind).isEqualTo(Kind.ERROR);
        assertThat(bad.getMessage()).contains("2027-03-31");
    }

    @Test
    void verifyTokenAsksBitbucketAndReportsWithoutTheToken() {
        try (DatabricksEmulator emulator = DatabricksEmulator.start()) {
            String token = emulator.addBitbucketRepositoryToken("acme", "data-pipelines", Set.of("repository"));
            List<String> asked = new ArrayList<>();
            var verifying = new BitbucketRepositoryAccessTokenImpl.DescriptorImpl(
                    MARCH_1,
                    url -> {
                        asked.add(url);
                        return new BitbucketClient(url, ClientSettings.defaults());
                    },
                    emulator::bitbucketApiUrl);

            FormValidation ok = verifying.doVerifyToken(ALLOWED, token, "acme", "data-pipelines");
            assertThat(ok.kind).as(ok.getMessage()).isEqualTo(Kind.OK);
            assertThat(ok.getMessage()).doesNotContain(token).contains(emulator.bitbucketApiUrl());
            assertThat(asked).containsOnly(emulator.bitbucketApiUrl());

            FormValidation wrongRepository = verifying.doVerifyToken(ALLOWED, token, "acme", "other-repo");
            assertThat(wrongRepository.kind).isEqualTo(Kind.ERROR);
            assertThat(wrongRepository.getMessage()).doesNotContain(token);

            emulator.revokeBitbucketToken(token);
            FormValidation revoked = verifying.doVerifyToken(ALLOWED, token, "acme", "data-pipelines");
            assertThat(revoked.kind).isEqualTo(Kind.ERROR);
        }
    }

    @Test
    void verifyTokenSendsTheTokenOnlyToTheBitbucketApiAnAdministratorConfigured() {
        List<String> asked = new ArrayList<>();
        UnsavedWorkspaces config = new UnsavedWorkspaces();
        config.add("dev", "https://dbc-1.cloud.databricks.com", "dev-pat");
        var verifying = new BitbucketRepositoryAccessTokenImpl.DescriptorImpl(
                MARCH_1,
                url -> {
                    asked.add(url);
                    return new BitbucketClient(
                            "http://127.0.0.1:9",
                            ClientSettings.builder().maxAttempts(1).build());
                },
                config::bitbucketApiForForms);

        verifying.doVerifyToken(ALLOWED, "ATCTabc", "acme", "repo");
        config.add("prod", "https://adb-1.2.azuredatabricks.net", "prod-sp")
                .setBitbucketApiUrl("https://bitbucket-proxy.example.com");
        config.add("test", "https://adb-3.2.azuredatabricks.net", "test-sp")
                .setBitbucketApiUrl("https://other-proxy.example.com");
        verifying.doVerifyToken(ALLOWED, "ATCTabc", "acme", "repo");

        assertThat(asked).containsExactly(BitbucketClient.DEFAULT_API_URL, "https://bitbucket-proxy.example.com");
    }

    @Test
    void verifyTokenNeedsPermissionAndTheRepository() {
        FakeContext denied0 = new FakeContext(false);
        FormValidation denied = descriptor.doVerifyToken(denied0, "ATCTabc", "acme", "repo");
        assertThat(denied.kind).isEqualTo(Kind.ERROR);
        assertThat(denied.getMessage()).contains("permission");
        assertThat(denied0.asked).containsExactly(List.of(CredentialsProvider.CREATE, CredentialsProvider.UPDATE));

        FormValidation noRepository = descriptor.doVerifyToken(ALLOWED, "ATCTabc", "acme", "");
        assertThat(noRepository.kind).isEqualTo(Kind.ERROR);
        assertThat(noRepository.getMessage()).contains("workspace and the repository");
    }
}
