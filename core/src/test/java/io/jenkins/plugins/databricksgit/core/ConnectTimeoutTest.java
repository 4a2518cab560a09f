package io.jenkins.plugins.databricksgit.core;

import static io.jenkins.plugins.databricksgit.core.DatabricksClientEmulatorTest.catchDatabricks;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.core.DatabricksException.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ConnectTimeoutTest {
    /** Sockets whose connect times out the way the JDK reports it, without depending on how a kernel drops SYNs. */
    static final class BlackHoleSocketFactory extends SocketFactory {
        final AtomicInteger connects = new AtomicInteger();

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    connects.incrementAndGet();
                    throw new SocketTimeoutException("Connect timed out");
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) {
            return createSocket();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            return createSocket();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            return createSocket();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            return createSocket();
        }
    }

    @Test
    void connectTimeoutIsRetriedEvenForPostThenReported() {
        BlackHoleSocketFactory sockets = new BlackHoleSocketFactory();
        FakeSleeper sleeper = new FakeSleeper();
        DatabricksClient client = new DatabricksClient(
                WorkspaceUrl.parse("http://127.0.0.1:9"),
                DatabricksAuth.bearerToken(SecretValue.of("dapi-connect-timeout-test")),
                ClientSettings.builder()
                        .baseClient(new OkHttpClient.Builder()
                                .socketFactory(sockets)
                                .build())
                        .sleeper(sleeper)
                        .connectTimeout(Duration.ofMillis(200))
                        .maxAttempts(3)
                        .build());
        DatabricksException e = catchDatabricks(() -> client.createGitCredential(
                new GitCredentialSpec("bitbucketCloud", "x-token-auth", SecretValue.of("ATCTx1"), null, null), null));
        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.outcomeUnknown()).isFalse();
        assertThat(e.getMessage())
                .contains("Connecting to http://127.0.0.1:9 timed out after 3 attempts")
                .contains("connect timeout 200 ms");
        assertThat(sleeper.sleeps).hasSize(2);
        assertThat(sockets.connects.get()).isGreaterThanOrEqualTo(3);
    }
}
