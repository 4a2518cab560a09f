package io.jenkins.plugins.databricksgit.impl;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import hudson.util.FormValidation.Kind;
import hudson.util.Secret;
import io.jenkins.plugins.databricksgit.DatabricksServicePrincipalCredentials;
import org.junit.jupiter.api.Test;

class DatabricksServicePrincipalCredentialsImplTest {
    private static final String CLIENT_ID = "6f1d2c3b-0a9e-4f56-8d7c-1b2a3c4d5e6f";
    private static final String SECRET = "dose0123456789abcdef";

    private final DatabricksServicePrincipalCredentialsImpl.DescriptorImpl descriptor =
            new DatabricksServicePrincipalCredentialsImpl.DescriptorImpl();

    @Test
    void holdsClientIdAndSecretAndNeverPrintsTheSecret() {
        var c = new DatabricksServicePrincipalCredentialsImpl(
                null, "sp", "", " " + CLIENT_ID + " ", Secret.fromString(SECRET));

        assertThat(c.getClientId()).isEqualTo(CLIENT_ID);
        assertThat(c.getClientSecret().getPlainText()).isEqualTo(SECRET);
        assertThat(c.toString()).contains(CLIENT_ID).doesNotContain(SECRET);
        assertThat(new DatabricksServicePrincipalCredentials.NameProvider().getName(c))
                .isEqualTo("Databricks service principal " + CLIENT_ID);
    }

    @Test
    void clientIdIsRequiredAndShouldBeAnApplicationId() {
        FakeContext allowed = new FakeContext(true);
        FormValidation empty = descriptor.doCheckClientId(allowed, " ");
        assertThat(empty.kind).isEqualTo(Kind.ERROR);
        assertThat(empty.getMessage()).contains("client id");

        FormValidation notUuid = descriptor.doCheckClientId(allowed, "my-service-principal");
        assertThat(notUuid.kind).isEqualTo(Kind.WARNING);
        assertThat(notUuid.getMessage()).contains("UUID");

        assertThat(descriptor.doCheckClientId(allowed, CLIENT_ID).kind).isEqualTo(Kind.OK);
    }

    @Test
    void clientSecretIsRequired() {
        FakeContext allowed = new FakeContext(true);
        assertThat(descriptor.doCheckClientSecret(allowed, "").kind).isEqualTo(Kind.ERROR);
        assertThat(descriptor.doCheckClientSecret(allowed, SECRET).kind).isEqualTo(Kind.OK);
        assertThat(descriptor.doCheckClientSecret(new FakeContext(false), "").kind)
                .isEqualTo(Kind.OK);
    }
}
