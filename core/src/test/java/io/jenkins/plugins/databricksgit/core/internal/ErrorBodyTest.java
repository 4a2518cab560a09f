package io.jenkins.plugins.databricksgit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorBodyTest {
    @Test
    void stringOrNumericErrorCodes() {
        assertThat(DatabricksErrors.parseErrorBody("{\"error_code\":\"INVALID_STATE\",\"message\":\"m\"}"))
                .isEqualTo(new DatabricksErrors.ErrorBody(true, "INVALID_STATE", "m", null));
        assertThat(DatabricksErrors.parseErrorBody("{\"error_code\":403,\"message\":\"Invalid access token.\"}")
                        .errorCode())
                .isEqualTo("403");
    }

    @Test
    void requestIdFromDetails() {
        String body = "{\"error_code\":\"X\",\"message\":\"m\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"r\"},{\"@type\":"
                + "\"type.googleapis.com/google.rpc.RequestInfo\",\"request_id\":\"abc\",\"serving_data\":\"\"}]}";
        assertThat(DatabricksErrors.parseErrorBody(body).requestId()).isEqualTo("abc");
    }

    @Test
    void scimAndLegacyShapes() {
        assertThat(DatabricksErrors.parseErrorBody("{\"detail\":\"not found\",\"status\":\"404\"}"))
                .isEqualTo(new DatabricksErrors.ErrorBody(true, "SCIM_404", "not found", null));
        assertThat(DatabricksErrors.parseErrorBody("{\"error\":\"invalid_client\",\"error_description\":\"bad\"}"))
                .isEqualTo(new DatabricksErrors.ErrorBody(true, "invalid_client", "invalid_client: bad", null));
    }

    @Test
    void notADatabricksError() {
        assertThat(DatabricksErrors.parseErrorBody("<html>").present()).isFalse();
        assertThat(DatabricksErrors.parseErrorBody("{}").present()).isFalse();
        assertThat(DatabricksErrors.parseErrorBody("{\"foo\":1}").present()).isFalse();
        assertThat(DatabricksErrors.parseErrorBody("{broken").present()).isFalse();
        assertThat(DatabricksErrors.parseErrorBody("").present()).isFalse();
        assertThat(DatabricksErrors.parseErrorBody(null).present()).isFalse();
    }

    @Test
    void invalidTokenTexts() {
        assertThat(DatabricksErrors.isInvalidTokenText("Invalid access token.")).isTrue();
        assertThat(DatabricksErrors.isInvalidTokenText("Error 403 Invalid access token."))
                .isTrue();
        assertThat(DatabricksErrors.isInvalidTokenText("Token is expiring within 30 seconds. (token expired)"))
                .isTrue();
        assertThat(DatabricksErrors.isInvalidTokenText("User is not a manager")).isFalse();
        assertThat(DatabricksErrors.isInvalidTokenText(null)).isFalse();
    }

    @Test
    void redactorScrubsKnownSecrets() {
        Redactor r =
                new Redactor(java.util.List.of(io.jenkins.plugins.databricksgit.core.SecretValue.of("s3cr3t-value")));
        assertThat(r.scrub("a s3cr3t-value b s3cr3t-value")).isEqualTo("a **** b ****");
        assertThat(r.scrub(null)).isNull();
    }
}
