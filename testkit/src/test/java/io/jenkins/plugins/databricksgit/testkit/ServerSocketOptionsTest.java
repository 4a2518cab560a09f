package io.jenkins.plugins.databricksgit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Accepted connections must have Nagle's algorithm off: otherwise every request on a kept-alive connection waits for
 * the client's delayed acknowledgement. The option is checked directly rather than through response times.
 */
class ServerSocketOptionsTest {
    @ParameterizedTest(name = "https={0}")
    @ValueSource(booleans = {false, true})
    void connectionsTheEmulatorAcceptsHaveNagleOff(boolean https) throws IOException {
        try (DatabricksEmulator emulator = DatabricksEmulator.start(0, https)) {
            ServerSocketFactory factory = emulator.serverSocketFactory();

            try (ServerSocket server = factory.createServerSocket()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
                assertAcceptsWithNagleOff(server);
            }
        }
    }

    @ParameterizedTest(name = "https={0}")
    @ValueSource(booleans = {false, true})
    void theFactorysOtherCreateMethodsTurnNagleOffToo(boolean https) throws IOException {
        try (DatabricksEmulator emulator = DatabricksEmulator.start(0, https)) {
            ServerSocketFactory factory = emulator.serverSocketFactory();
            InetAddress loopback = InetAddress.getLoopbackAddress();

            try (ServerSocket byPort = factory.createServerSocket(0)) {
                assertAcceptsWithNagleOff(byPort);
            }
            try (ServerSocket byPortAndBacklog = factory.createServerSocket(0, 50)) {
                assertAcceptsWithNagleOff(byPortAndBacklog);
            }
            try (ServerSocket byAddress = factory.createServerSocket(0, 50, loopback)) {
                assertAcceptsWithNagleOff(byAddress);
            }
        }
    }

    private static void assertAcceptsWithNagleOff(ServerSocket server) throws IOException {
        server.setSoTimeout(5_000);
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5_000);
            try (Socket accepted = server.accept()) {
                assertThat(accepted.getTcpNoDelay()).isTrue();
            }
        }
    }
}
