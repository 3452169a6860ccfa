package io.cockpit.smtp.core.mail.diagnosis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories handed to Angus so the diagnosis sees its sockets: to close them on cancel, and to read the TLS
 * session (protocol, cipher, certificates) and the moment the handshake completed.
 */
final class RecordingSockets {
    private final Cancellation cancellation;
    private final SSLSocketFactory trusted;
    private volatile SSLSocket lastSsl;
    private volatile long handshakeNanos;

    RecordingSockets(Cancellation cancellation, SSLSocketFactory trusted) {
        this.cancellation = cancellation;
        this.trusted = trusted;
    }

    SSLSocket lastSsl() {
        return lastSsl;
    }

    /** When the last handshake completed ({@link System#nanoTime()}); 0 if none did. */
    long handshakeNanos() {
        return handshakeNanos;
    }

    SocketFactory plain() {
        return new Plain();
    }

    SSLSocketFactory ssl() {
        return new Ssl();
    }

    private <T extends Socket> T track(T s) {
        cancellation.register(s);
        if (s instanceof SSLSocket ssl) {
            lastSsl = ssl;
            ssl.addHandshakeCompletedListener(e -> handshakeNanos = System.nanoTime());
        }
        return s;
    }

    private final class Plain extends SocketFactory {
        @Override
        public Socket createSocket() {
            return track(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return track(new Socket(address, port, localAddress, localPort));
        }
    }

    private final class Ssl extends SSLSocketFactory {
        @Override
        public String[] getDefaultCipherSuites() {
            return trusted.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return trusted.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            track(s);
            return track(trusted.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket() throws IOException {
            return track(trusted.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(trusted.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(trusted.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(trusted.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return track(trusted.createSocket(address, port, localAddress, localPort));
        }
    }
}
