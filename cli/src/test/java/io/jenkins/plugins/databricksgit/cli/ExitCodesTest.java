package io.jenkins.plugins.databricksgit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.core.DatabricksException;
import io.jenkins.plugins.databricksgit.core.DatabricksException.Reason;
import io.jenkins.plugins.databricksgit.core.LeaseWaitTimeoutException;
import io.jenkins.plugins.databricksgit.core.TokenCheck;
import io.jenkins.plugins.databricksgit.core.TokenVerificationException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table in docs/cli.md, reason by reason: scripts depend on it. */
class ExitCodesTest {
    @Test
    void everyDatabricksReasonHasItsDocumentedCode() {
        Map<Reason, Integer> expected = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            expected.put(reason, 1);
        }
        expected.put(Reason.INVALID_TOKEN, 3);
        expected.put(Reason.NO_CREDENTIALS_SENT, 3);
        expected.put(Reason.NOT_SERVICE_PRINCIPAL_MANAGER, 3);
        expected.put(Reason.PERMISSION_DENIED, 3);
        expected.put(Reason.OAUTH_FAILED, 3);
        expected.put(Reason.NOT_FOUND, 4);
        expected.put(Reason.ALREADY_EXISTS, 5);

        for (Reason reason : Reason.values()) {
            DatabricksException e = new DatabricksException(reason, 400, null, null, false, "m", null);
            assertThat(ExitCodes.of(e)).as(reason.name()).isEqualTo(expected.get(reason));
        }
    }

    @Test
    void leaseWaitTimeoutIsAConflict() {
        assertThat(ExitCodes.of(new LeaseWaitTimeoutException("m", List.of("build #1"), Duration.ofSeconds(1))))
                .isEqualTo(5);
    }

    @Test
    void rejectedTokenFollowsTheCheck() {
        assertThat(ExitCodes.of(new TokenVerificationException(
                        new TokenCheck(TokenCheck.Status.INVALID_OR_EXPIRED, "m", List.of()))))
                .isEqualTo(3);
        assertThat(ExitCodes.of(new TokenVerificationException(
                        new TokenCheck(TokenCheck.Status.REPOSITORY_NOT_VISIBLE, "m", List.of()))))
                .isEqualTo(4);
    }

    @Test
    void tokenCheckStatuses() {
        assertThat(ExitCodes.of(TokenCheck.Status.VALID)).isEqualTo(0);
        assertThat(ExitCodes.of(TokenCheck.Status.INVALID_OR_EXPIRED)).isEqualTo(3);
        assertThat(ExitCodes.of(TokenCheck.Status.MISSING_SCOPE)).isEqualTo(3);
        assertThat(ExitCodes.of(TokenCheck.Status.REPOSITORY_NOT_VISIBLE)).isEqualTo(4);
        assertThat(ExitCodes.of(TokenCheck.Status.UNREACHABLE)).isEqualTo(1);
    }
}
