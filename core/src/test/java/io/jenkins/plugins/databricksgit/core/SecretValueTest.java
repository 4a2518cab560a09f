package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretValueTest {
    private static final String TOKEN = "dapi0123456789abcdef-canary";

    @Test
    void toStringIsMasked() {
        SecretValue s = SecretValue.of(TOKEN);
        assertThat(s.toString()).doesNotContain(TOKEN).isEqualTo("****");
        assertThat(String.valueOf(List.of(s))).doesNotContain(TOKEN);
        assertThat(new GitCredentialSpec("bitbucketCloud", "x-token-auth", s, null, null).toString())
                .doesNotContain(TOKEN);
    }

    @Test
    void revealReturnsThePlainText() {
        assertThat(SecretValue.of(TOKEN).reveal()).isEqualTo(TOKEN);
    }

    @Test
    void equalsComparesValues() {
        assertThat(SecretValue.of(TOKEN)).isEqualTo(SecretValue.of(TOKEN));
        assertThat(SecretValue.of(TOKEN)).hasSameHashCodeAs(SecretValue.of(TOKEN));
        assertThat(SecretValue.of(TOKEN)).isNotEqualTo(SecretValue.of(TOKEN + "x"));
        assertThat(SecretValue.of(TOKEN)).isNotEqualTo(TOKEN);
    }

    @Test
    void rejectsNullAndEmpty() {
        assertThatThrownBy(() -> SecretValue.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SecretValue.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    record Holder(String name, SecretValue secret) implements Serializable {}

    @Test
    void serializationFailsLoudly() {
        assertThatThrownBy(() -> serialize(SecretValue.of(TOKEN)))
                .isInstanceOf(NotSerializableException.class)
                .hasMessageContaining("never serialized")
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> serialize(new Holder("a", SecretValue.of(TOKEN))))
                .isInstanceOf(NotSerializableException.class);
    }

    private static byte[] serialize(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
