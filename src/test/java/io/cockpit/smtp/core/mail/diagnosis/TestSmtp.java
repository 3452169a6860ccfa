package io.cockpit.smtp.core.mail.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.auth.UsernamePasswordValidator;
import org.subethamail.smtp.server.SMTPServer;

/** In-process SMTP peers for the diagnosis tests: SubEtha SMTP (STARTTLS, AUTH, refusals) and a silent one. */
public final class TestSmtp {
    public static final String USER = "svc-itsm";
    public static final String PASSWORD = "Pa55-w0rd!Secret";

    private TestSmtp() {
    }

    /** Accepts USER / PASSWORD only. */
    public static UsernamePasswordValidator validator() {
        return (user, password, ctx) -> {
            if (!USER.equals(user) || !PASSWORD.equals(password)) {
                throw new LoginFailedException("bad credentials");
            }
        };
    }

    /** A SubEtha server; every received message is added to {@code received} as raw bytes. */
    public static final class Sub implements AutoCloseable {
        public final List<byte[]> received = new CopyOnWriteArrayList<>();
        final SMTPServer server;

        Sub(SMTPServer.Builder builder) {
            this.server = builder.build();
            server.start();
        }

        public int port() {
            return server.getPortAllocated();
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    /**
     * @param tls STARTTLS context, or null for none
     * @param auth null: no AUTH offered
     * @param refuseRecipient a reply like "550 5.7.1 ..." to refuse every RCPT TO with, or null
     */
    public static Sub subetha(int port, SSLContext tls, boolean requireTls, AuthenticationHandlerFactory auth,
                       String refuseRecipient) {
        List<byte[]> sink = new CopyOnWriteArrayList<>();
        SMTPServer.Builder b = SMTPServer.port(port).hostName("localhost")
                .bindAddress(java.net.InetAddress.getLoopbackAddress());
        if (tls != null) {
            b.enableTLS().startTlsSocketFactory(tls);
            if (requireTls) {
                b.requireTLS();
            }
        }
        if (auth != null) {
            b.authenticationHandlerFactory(auth);
            if (requireTls) {
                b.requireAuth();
            }
        }
        Sub[] holder = new Sub[1];
        b.messageHandlerFactory(ctx -> new Handler(refuseRecipient, data -> holder[0].received.add(data)));
        holder[0] = new Sub(b);
        return holder[0];
    }

    /** An SMTPS server (TLS from the first byte). */
    public static Sub subethaSsl(SSLContext ssl) {
        SMTPServer.Builder b = SMTPServer.port(0).hostName("localhost")
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).serverSocketFactory(ssl);
        Sub[] holder = new Sub[1];
        b.messageHandlerFactory(ctx -> new Handler(null, data -> holder[0].received.add(data)));
        holder[0] = new Sub(b);
        return holder[0];
    }

    private record Handler(String refuseRecipient, java.util.function.Consumer<byte[]> sink) implements MessageHandler {
        @Override
        public void from(String from) {
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            if (refuseRecipient != null) {
                throw new RejectException(Integer.parseInt(refuseRecipient.substring(0, 3)), refuseRecipient.substring(4));
            }
        }

        @Override
        public String data(InputStream data) throws IOException {
            sink.accept(data.readAllBytes());
            return null;
        }

        @Override
        public void done() {
        }
    }

    /** Accepts connections and never says a word. */
    public static final class Silent implements AutoCloseable {
        final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread thread;

        public Silent() throws IOException {
            socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                try {
                    while (!socket.isClosed()) {
                        accepted.add(socket.accept());
                    }
                } catch (IOException e) {
                    // closed: the test is over
                }
            }, "silent-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        public int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
