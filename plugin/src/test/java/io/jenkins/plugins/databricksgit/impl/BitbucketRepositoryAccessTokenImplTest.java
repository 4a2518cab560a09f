package io.jenkins.plugins.databricksgit.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.BitbucketRepositoryAccessToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class BitbucketRepositoryAccessTokenImplTest {
    private static final String TOKEN = "ATCTT3xFfGN0-secret-value-1234";

    private static BitbucketRepositoryAccessTokenImpl credential() {
        BitbucketRepositoryAccessTokenImpl c = new BitbucketRepositoryAccessTokenImpl(
                CredentialsScope.GLOBAL, "bb-token", "Deploys pipelines", Secret.fromString(TOKEN));
        c.setWorkspace(" acme ");
        c.setRepository("data-pipelines");
        c.setExpiryDate("2027-03-31");
        return c;
    }

    @Test
    void usernameIsAlwaysXTokenAuthAndPasswordIsTheToken() {
        BitbucketRepositoryAccessTokenImpl c = credential();

        assertThat(c.getUsername()).isEqualTo("x-token-auth").isEqualTo(BitbucketRepositoryAccessToken.USERNAME);
        assertThat(c.getPassword()).isSameAs(c.getToken());
        assertThat(c.getToken().getPlainText()).isEqualTo(TOKEN);
    }

    @Test
    void optionalFieldsAreTrimmedAndBlankMeansUnset() {
        BitbucketRepositoryAccessTokenImpl c = credential();
        assertThat(c.getWorkspace()).isEqualTo("acme");

        c.setRepository("  ");
        c.setExpiryDate("");
        assertThat(c.getRepository()).isNull();
        assertThat(c.getExpiryDate()).isNull();
        assertThat(c.getScope()).isEqualTo(CredentialsScope.GLOBAL);
        assertThat(c.getId()).isEqualTo("bb-token");
    }

    @Test
    @SuppressWarnings("deprecation") // Secret.toString() is called on purpose: it is the leak the test looks for
    void toStringNamesTheRepositoryButNeverTheToken() {
        // The stub Secret, like the real one, returns the plain text from toString(): a leak would show here.
        assertThat(Secret.fromString(TOKEN).toString()).isEqualTo(TOKEN);

        assertThat(credential().toString())
                .contains("bb-token", "acme/data-pipelines", "2027-03-31")
                .doesNotContain(TOKEN)
                .doesNotContain("ATCT");
    }

    @Test
    void survivesJavaSerializationWithItsFixedUsername() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(credential());
        }
        BitbucketRepositoryAccessTokenImpl copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (BitbucketRepositoryAccessTokenImpl) in.readObject();
        }

        assertThat(copy.getToken().getPlainText()).isEqualTo(TOKEN);
        assertThat(copy.getUsername()).isEqualTo("x-token-auth");
        assertThat(copy.getRepository()).isEqualTo("data-pipelines");
        assertThat(copy).isEqualTo(credential());
    }

    @Test
    void nameShowsRepositoryAndDescription() {
        BitbucketRepositoryAccessToken.NameProvider names = new BitbucketRepositoryAccessToken.NameProvider();
        BitbucketRepositoryAccessTokenImpl c = credential();
        assertThat(names.getName(c)).isEqualTo("acme/data-pipelines (Deploys pipelines)");

        BitbucketRepositoryAccessTokenImpl bare =
                new BitbucketRepositoryAccessTokenImpl(null, "id-1", null, Secret.fromString(TOKEN));
        assertThat(names.getName(bare)).isEqualTo("Bitbucket repository access token (id-1)");
        bare.setWorkspace("acme");
        assertThat(names.getName(bare)).isEqualTo("Bitbucket repository access token for acme");
        assertThat(names.getName(bare)).doesNotContain(TOKEN);
    }

    @Test
    void descriptorAsksTheStoreContextForEitherOfTwoPermissions() {
        // The stubbed permission constants are placeholders; which ones is pinned by the code, not by this test.
        FakeContext context = new FakeContext(true);
        new BitbucketRepositoryAccessTokenImpl.DescriptorImpl().doCheckToken(context, TOKEN);

        assertThat(context.asked).hasSize(1);
        assertThat(context.asked.get(0)).hasSize(2);
    }
}
