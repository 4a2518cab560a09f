package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BitbucketTokenTest {
    private static final String TOKEN = "ATCTT3xFfGN0canaryBitbucket0123";

    @Test
    void stripsOneTrailingNewline() {
        assertThat(BitbucketToken.of(TOKEN + "\n", "ws", "repo").secret().reveal())
                .isEqualTo(TOKEN);
        assertThat(BitbucketToken.of(TOKEN + "\r\n", "ws", "repo").secret().reveal())
                .isEqualTo(TOKEN);
    }

    @Test
    void rejectsOtherWhitespaceWithoutShowingTheToken() {
        for (String bad :
                new String[] {TOKEN + "\n\n", " " + TOKEN, TOKEN + " ", "ATCT abc", TOKEN + "\t", "ATCT\u00a0x"}) {
            assertThatThrownBy(() -> BitbucketToken.of(bad, "ws", "repo"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whitespace")
                    .hasMessageNotContaining(TOKEN)
                    .hasMessageNotContaining("ATCT abc");
        }
    }

    @Test
    void rejectsWhatIsFarLongerThanATokenWithoutShowingIt() {
        String tenKilobytes = "ATCT" + "a".repeat(10 * 1024);
        assertThatThrownBy(() -> BitbucketToken.of(tenKilobytes, null, null))
                .hasMessageContaining("10244 characters long")
                .hasMessageNotContaining("aaaa");
        assertThat(BitbucketToken.of("ATCT" + "a".repeat(BitbucketToken.MAX_LENGTH - 4), null, null))
                .isNotNull();
    }

    @Test
    void rejectsEmpty() {
        assertThatThrownBy(() -> BitbucketToken.of("", null, null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> BitbucketToken.of(null, null, null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> BitbucketToken.of("\n", null, null)).hasMessageContaining("empty");
    }

    @Test
    void warnsWhenNotAnAccessToken() {
        assertThat(BitbucketToken.of(TOKEN, null, null).warnings()).isEmpty();
        assertThat(BitbucketToken.of("ATBBapppassword123", null, null).warnings())
                .singleElement()
                .asString()
                .contains("does not start with ATCT")
                .doesNotContain("ATBBapppassword123");
    }

    @Test
    void workspaceAndRepositoryAreOptionalSlugs() {
        BitbucketToken t = BitbucketToken.of(TOKEN, " ws ", "repo");
        assertThat(t.workspace()).isEqualTo("ws");
        assertThat(t.repository()).isEqualTo("repo");
        assertThat(BitbucketToken.of(TOKEN, "", null).workspace()).isNull();
        assertThatThrownBy(() -> BitbucketToken.of(TOKEN, "ws/repo", null)).hasMessageContaining("slug");
        assertThat(t.toString()).doesNotContain(TOKEN).contains("ws/repo");
    }
}
