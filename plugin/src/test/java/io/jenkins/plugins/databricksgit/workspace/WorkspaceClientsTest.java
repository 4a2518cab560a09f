package io.jenkins.plugins.databricksgit.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.core.DatabricksAuth;
import io.jenkins.plugins.databricksgit.impl.DatabricksServicePrincipalCredentialsImpl;
import org.junit.jupiter.api.Test;

class WorkspaceClientsTest {
    @Test
    void secretTextIsABearerTokenAndNeverDescribedInFull() {
        DatabricksAuth auth = WorkspaceClients.auth(new SecretText("pat", "dapi0123456789abcdef0123456789abcd"));

        assertThat(auth.describe()).doesNotContain("dapi0123456789abcdef0123456789abcd");
    }

    @Test
    void servicePrincipalCredentialsUseOAuth() {
        DatabricksAuth auth = WorkspaceClients.auth(new DatabricksServicePrincipalCredentialsImpl(
                null, "sp", "", "6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f", Secret.fromString("dose-secret-value")));

        assertThat(auth.describe()).contains("6f1d").doesNotContain("dose-secret-value");
    }

    @Test
    void otherKindsAndEmptySecretsAreRefusedByIdOnly() {
        assertThatThrownBy(() -> WorkspaceClients.auth(new BaseStandardCredentials("ssh-key", "") {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ssh-key'")
                .hasMessageContaining("Secret text");
        assertThatThrownBy(() -> WorkspaceClients.auth(new SecretText("blank", "  ")))
                .hasMessage("Credential 'blank' holds an empty secret.");
    }
}
