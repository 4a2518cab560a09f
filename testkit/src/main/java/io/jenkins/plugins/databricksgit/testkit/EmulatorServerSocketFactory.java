package io.jenkins.plugins.databricksgit.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.ServerSocketFactory;

/**
 * Server sockets for the emulator: a wide accept backlog, and TCP_NODELAY on every accepted connection.
 *
 * <p>MockWebServer binds with a backlog of 50, too few for hundreds of clients connecting at once.
 *
 * <p>MockWebServer writes a response with more than one socket write. With Nagle's algorithm on, a small write waits
 * until the client acknowledges the previous one, and the client delays that acknowledgement (about 40 ms on Linux)
 * hoping to send it along with data of its own. Every request on a kept-alive connection then took about 45 ms instead
 * of about one. HTTPS connections get the option from the plain socket they are layered on.
 */
final class EmulatorServerSocketFactory extends ServerSocketFactory {
    static final int BACKLOG = 1024;

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return createServerSocket(port, BACKLOG);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return createServerSocket(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket socket = createServerSocket();
        try {
            socket.bind(new InetSocketAddress(address, port), backlog);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    private static final class NoDelayServerSocket extends ServerSocket {
        NoDelayServerSocket() throws IOException {
            super();
        }

        @Override
        public void bind(SocketAddress endpoint, int backlog) throws IOException {
            super.bind(endpoint, Math.max(backlog, BACKLOG));
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = super.accept();
            try {
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            return socket;
        }
    }
}
