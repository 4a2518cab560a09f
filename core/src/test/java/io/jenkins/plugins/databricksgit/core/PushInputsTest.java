package io.jenkins.plugins.databricksgit.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushInputsTest {
    @Test
    void aServicePrincipalIsANumericIdOrAnApplicationId() {
        assertThatCode(() -> PushInputs.servicePrincipal("8573549053511")).doesNotThrowAnyException();
        assertThatCode(() -> PushInputs.servicePrincipal(" 6f1d2a3b-0000-4000-8000-00000000000A "))
                .doesNotThrowAnyException();
        assertThatCode(() -> PushInputs.servicePrincipal(null)).doesNotThrowAnyException();
        assertThatCode(() -> PushInputs.servicePrincipal(" ")).doesNotThrowAnyException();

        assertThatThrownBy(() -> PushInputs.servicePrincipal("deploy-bot"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("servicePrincipal must be the service principal's application id")
                .hasMessageContaining("the 10-character value given is neither")
                .hasMessageNotContaining("deploy-bot");
        assertThatThrownBy(() -> PushInputs.servicePrincipal("12345678901234567890"))
                .isInstanceOf(IllegalArgumentException.class);
        for (String notAnId : new String[] {"0", "-5", "9999999999999999999", "12 34", "{6f1d2a3b-0000-4000-8000-0}"}) {
            assertThatThrownBy(() -> PushInputs.servicePrincipal(notAnId))
                    .as(notAnId)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatCode(() -> PushInputs.servicePrincipal("9223372036854775807")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PushInputs.servicePrincipal("ATCTT3xFfGN0secret"))
                .hasMessageNotContaining("ATCTT3xFfGN0secret");
    }

    @Test
    void aHostFollowsTheWorkspaceUrlRules() {
        assertThatCode(() -> PushInputs.host("https://adb-1.azuredatabricks.net/?o=1"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PushInputs.host("adb-1.azuredatabricks.net"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no scheme");
        assertThatThrownBy(() -> PushInputs.host("http://adb-1.azuredatabricks.net"))
                .hasMessageContaining("https://");
    }

    @Test
    void aNameIsOneLineNotTooLongAndNotAnOwnershipTag() {
        assertThatCode(() -> PushInputs.name("ci-bitbucket")).doesNotThrowAnyException();
        assertThatCode(() -> PushInputs.name("x".repeat(255))).doesNotThrowAnyException();

        assertThatThrownBy(() -> PushInputs.name("x".repeat(256)))
                .hasMessage("name is 256 characters long; at most 255 are accepted.");
        assertThatThrownBy(() -> PushInputs.name("ci\nbitbucket")).hasMessageContaining("position 3");
        assertThatThrownBy(() -> PushInputs.name("jenkins-dgc:1234"))
                .hasMessageStartingWith("name must not start with jenkins-dgc:");
    }

    @Test
    void aGitEmailIsOneWordNotTooLong() {
        assertThatCode(() -> PushInputs.gitEmail("ci@example.com")).doesNotThrowAnyException();

        assertThatThrownBy(() -> PushInputs.gitEmail("ci @example.com")).hasMessageContaining("position 3");
        assertThatThrownBy(() -> PushInputs.gitEmail("ci@example.com\u0007")).hasMessageContaining("control");
        assertThatThrownBy(() -> PushInputs.gitEmail("a".repeat(250) + "@x.io")).hasMessageContaining("at most 254");
        assertThatThrownBy(() -> PushInputs.gitEmail("ci-bot")).hasMessageContaining("not an e-mail address");
        assertThatThrownBy(() -> PushInputs.gitEmail("a@b@example.com")).hasMessageContaining("not an e-mail address");
    }

    @Test
    void theCommandLineNamesTheOptionsItsOwnWay() {
        assertThatThrownBy(() -> PushInputs.check(PushInputs.Fields.COMMAND_LINE, "deploy-bot", null, null, null))
                .hasMessageStartingWith("--service-principal must be");
        assertThatThrownBy(() -> PushInputs.name(PushInputs.Fields.COMMAND_LINE, "jenkins-dgc:x"))
                .hasMessageStartingWith("--name must not start with jenkins-dgc:");
        assertThatThrownBy(() -> PushInputs.gitEmail(PushInputs.Fields.COMMAND_LINE, "ci"))
                .hasMessageStartingWith("--git-email is not an e-mail address");
        assertThatThrownBy(() -> PushInputs.waitTimeout(PushInputs.Fields.COMMAND_LINE, Duration.ofHours(25)))
                .hasMessage("--wait-timeout may be at most 24h; a job waiting that long for another one is stuck.");
    }

    @Test
    void aWaitIsZeroOrMoreAndAtMostADay() {
        assertThatCode(() -> PushInputs.waitTimeout(Duration.ZERO)).doesNotThrowAnyException();
        assertThatCode(() -> PushInputs.waitTimeout(Duration.ofHours(24))).doesNotThrowAnyException();

        assertThatThrownBy(() -> PushInputs.waitTimeout(Duration.ofSeconds(-1)))
                .hasMessage("waitTimeout must be zero or more seconds, not -1.");
        assertThatThrownBy(() -> PushInputs.waitTimeout(Duration.ofSeconds(86_401)))
                .hasMessageContaining("more than 24 hours");
    }

    @Test
    void checkRunsEveryRule() {
        assertThatCode(() -> PushInputs.check(null, null, null, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PushInputs.check("8573549053511", "ok", "bad mail", Duration.ZERO))
                .hasMessageStartingWith("gitEmail");
    }
}
