package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.databricksgit.core.TokenExpiry.Status;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @Test
    void statusByDaysLeft() {
        assertThat(TokenExpiry.check(null, TODAY).status()).isEqualTo(Status.UNKNOWN);
        assertThat(TokenExpiry.check(LocalDate.of(2027, 2, 28), TODAY))
                .isEqualTo(new TokenExpiry(Status.EXPIRED, LocalDate.of(2027, 2, 28), -1));
        assertThat(TokenExpiry.check(TODAY, TODAY).status()).isEqualTo(Status.EXPIRING_SOON);
        assertThat(TokenExpiry.check(TODAY.plusDays(14), TODAY))
                .isEqualTo(new TokenExpiry(Status.EXPIRING_SOON, TODAY.plusDays(14), 14));
        assertThat(TokenExpiry.check(TODAY.plusDays(15), TODAY).status()).isEqualTo(Status.VALID);
    }

    @Test
    void parsesIsoDatesOnly() {
        assertThat(TokenExpiry.parseDate(" 2027-03-31 ")).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(TokenExpiry.parseDate("  ")).isNull();
        assertThatThrownBy(() -> TokenExpiry.parseDate("31/03/2027"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"31/03/2027\"")
                .hasMessageContaining("2027-03-31");
    }
}
