package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TokenFingerprintsTest {
    private static final SecretValue TOKEN = SecretValue.of("ATCTT3xFfGN0-fingerprint-canary");

    @Test
    void isHmacSha256UnderTheKey() {
        // RFC 4231, test case 1
        byte[] key = new byte[20];
        java.util.Arrays.fill(key, (byte) 0x0b);

        assertThat(TokenFingerprints.hmacSha256(key).of(SecretValue.of("Hi There")))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void sameTokenSameKeySameFingerprintAndNoTrustedDigestGivesItAway() throws Exception {
        TokenFingerprints controller = TokenFingerprints.randomKey();
        String fingerprint = controller.of(TOKEN);

        assertThat(controller.of(SecretValue.of(TOKEN.reveal()))).isEqualTo(fingerprint);
        assertThat(controller.of(SecretValue.of(TOKEN.reveal() + "x"))).isNotEqualTo(fingerprint);
        assertThat(fingerprint).doesNotContain(TOKEN.reveal());
        // Whoever holds a candidate token cannot confirm it without the key: the plain digest differs.
        String sha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(TOKEN.reveal().getBytes(StandardCharsets.UTF_8)));
        assertThat(fingerprint).isNotEqualTo(sha256);
    }

    @Test
    void theSameTokenOnTwoControllersGivesDifferentFingerprints() {
        assertThat(TokenFingerprints.randomKey().of(TOKEN))
                .isNotEqualTo(TokenFingerprints.randomKey().of(TOKEN));
    }

    @Test
    void perProcessIsOneKeyForTheWholeJvm() {
        assertThat(TokenFingerprints.perProcess().of(TOKEN))
                .isEqualTo(TokenFingerprints.perProcess().of(TOKEN));
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> TokenFingerprints.hmacSha256(new byte[8])).hasMessageContaining("16 bytes");
    }
}
