package io.jenkins.plugins.databricksgit.impl;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import hudson.util.FormValidation.Kind;
import io.jenkins.plugins.databricksgit.core.BitbucketClient;
import io.jenkins.plugins.databricksgit.core.ClientSettings;
import io.jenkins.plugins.databricksgit.testkit.DatabricksEmulator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BitbucketRepositoryAccessTokenDescriptorTest {
    private static final Clock MARCH_1 = Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final FakeContext ALLOWED = new FakeContext(true);
    private static final FakeContext DENIED = new FakeContext(false);

    private final BitbucketRepositoryAccessTokenImpl.DescriptorImpl descriptor =
            new BitbucketRepositoryAccessTokenImpl.DescriptorImpl(MARCH_1, url -> {
                throw new AssertionError("no network call expected");
            });

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
            var verifying = new BitbucketRepositoryAccessTokenImpl.DescriptorImpl(
                    MARCH_1, url -> new BitbucketClient(emulator.bitbucketApiUrl(), ClientSettings.defaults()));

            FormValidation ok = verifying.doVerifyToken(ALLOWED, token, "acme", "data-pipelines");
            assertThat(ok.kind).as(ok.getMessage()).isEqualTo(Kind.OK);
            assertThat(ok.getMessage()).doesNotContain(token);

            FormValidation wrongRepository = verifying.doVerifyToken(ALLOWED, token, "acme", "other-repo");
            assertThat(wrongRepository.kind).isEqualTo(Kind.ERROR);
            assertThat(wrongRepository.getMessage()).doesNotContain(token);

            emulator.revokeBitbucketToken(token);
            FormValidation revoked = verifying.doVerifyToken(ALLOWED, token, "acme", "data-pipelines");
            assertThat(revoked.kind).isEqualTo(Kind.ERROR);
        }
    }

    @Test
    void verifyTokenNeedsPermissionAndTheRepository() {
        FormValidation denied = descriptor.doVerifyToken(DENIED, "ATCTabc", "acme", "repo");
        assertThat(denied.kind).isEqualTo(Kind.ERROR);
        assertThat(denied.getMessage()).contains("permission");

        FormValidation noRepository = descriptor.doVerifyToken(ALLOWED, "ATCTabc", "acme", "");
        assertThat(noRepository.kind).isEqualTo(Kind.ERROR);
        assertThat(noRepository.getMessage()).contains("workspace and the repository");
    }
}
