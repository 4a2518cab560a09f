package io.jenkins.plugins.databricksgit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class RetryRulesTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void retryAfterInSeconds() {
        assertThat(ApiCaller.retryAfter("5", NOW)).isEqualTo(Duration.ofSeconds(5));
        assertThat(ApiCaller.retryAfter(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterAsHttpDate() {
        assertThat(ApiCaller.retryAfter("Sun, 01 Mar 2026 12:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ApiCaller.retryAfter("Sun, 01 Mar 2026 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void unreadableRetryAfterFallsBackToBackoff() {
        assertThat(ApiCaller.retryAfter(null, NOW)).isNull();
        assertThat(ApiCaller.retryAfter("", NOW)).isNull();
        assertThat(ApiCaller.retryAfter("soon", NOW)).isNull();
        assertThat(ApiCaller.retryAfter("-3", NOW)).isNull();
    }

    @Test
    void retryAfterBeyondALongIsTheLongestWaitNotAnError() {
        assertThat(ApiCaller.retryAfter("9223372036854775807", NOW)).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(ApiCaller.retryAfter("99999999999999999999999", NOW)).isEqualTo(ApiCaller.FOREVER);
        assertThat(ApiCaller.retryAfter("٣", NOW)).as("non-ASCII digits").isNull();
    }

    @Test
    void backoffDoublesWithJitterUpToACap() {
        for (int i = 0; i < 200; i++) {
            assertThat(ApiCaller.backoff(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
            assertThat(ApiCaller.backoff(3)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
            assertThat(ApiCaller.backoff(40)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }

    @Test
    void onlyFailuresBeforeSendingAreConnectLevel() {
        assertThat(ApiCaller.isConnectLevel(new ConnectException("Connection refused")))
                .isTrue();
        assertThat(ApiCaller.isConnectLevel(new NoRouteToHostException())).isTrue();
        assertThat(ApiCaller.isConnectLevel(new SocketTimeoutException("Connect timed out")))
                .isTrue();
        assertThat(ApiCaller.isConnectLevel(new SocketTimeoutException("Read timed out")))
                .isFalse();
        assertThat(ApiCaller.isConnectLevel(new SocketTimeoutException("timeout")))
                .isFalse();
        assertThat(ApiCaller.isConnectLevel(new UnknownHostException("x.invalid")))
                .isFalse();
        assertThat(ApiCaller.isConnectLevel(new SSLHandshakeException("PKIX"))).isFalse();
        assertThat(ApiCaller.isConnectLevel(new InterruptedIOException("timeout")))
                .isFalse();
        assertThat(ApiCaller.isConnectLevel(new IOException("unexpected end of stream")))
                .isFalse();
    }

    @Test
    void oauthRefreshKeepsFortySecondsMarginOrHalfTheLifetime() {
        Instant t = NOW;
        assertThat(OAuthClientCredentialsAuth.refreshAt(t, Duration.ofHours(1))).isEqualTo(t.plusSeconds(3560));
        assertThat(OAuthClientCredentialsAuth.refreshAt(t, Duration.ofSeconds(80)))
                .isEqualTo(t.plusSeconds(40));
        assertThat(OAuthClientCredentialsAuth.refreshAt(t, Duration.ofSeconds(60)))
                .isEqualTo(t.plusSeconds(30));
        assertThat(OAuthClientCredentialsAuth.refreshAt(t, Duration.ofSeconds(2)))
                .isEqualTo(t.plusSeconds(1));
    }

    @Test
    void userAgentCarriesTheFilteredVersion() {
        assertThat(HttpClients.USER_AGENT).matches("databricks-git-credential/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
