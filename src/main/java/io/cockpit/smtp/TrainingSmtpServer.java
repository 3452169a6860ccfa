package io.cockpit.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The other end of the class-data training's {@code gateway check} and {@code gateway test} ({@link CdsTraining}): a
 * loopback listener that answers an SMTP client with STARTTLS and AUTH, one session after the other, so that the
 * archive holds the classes of the TLS handshake and of the authenticated conversation, as an operator's first test
 * of a real server loads them. It speaks just enough for Angus Mail's client to go through; it is no mail server and
 * is never started outside the training. Its key and certificate come from a key store made for the training run
 * ({@code installer/linux/train-cds.sh}).
 */
final class TrainingSmtpServer implements AutoCloseable {
    private final ServerSocket listener;
    private final SSLContext tls;
    private final Thread thread;

    private TrainingSmtpServer(ServerSocket listener, SSLContext tls) {
        this.listener = listener;
        this.tls = tls;
        this.thread = new Thread(this::serve, "training-smtp");
        this.thread.setDaemon(true);
    }

    /** Listens on loopback with the key of {@code keyStore} (PKCS12, password {@code password}). */
    static TrainingSmtpServer start(Path keyStore, char[] password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(30_000);
        TrainingSmtpServer server = new TrainingSmtpServer(listener, tls);
        server.thread.start();
        return server;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept()) {
                s.setSoTimeout(10_000);
                session(s);
            } catch (IOException | RuntimeException e) {
                // the session's end, or the listener closed: the training goes on either way
            }
        }
    }

    private void session(Socket plain) throws IOException {
        Socket s = plain;
        BufferedReader in = reader(s);
        OutputStream out = s.getOutputStream();
        boolean secure = false;
        say(out, "220 training ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            switch (verb) {
                case "EHLO", "HELO" -> say(out, secure ? "250-training\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME"
                        : "250-training\r\n250-STARTTLS\r\n250 8BITMIME");
                case "STAR" -> {
                    say(out, "220 ready for TLS");
                    SSLSocket t = (SSLSocket) tls.getSocketFactory().createSocket(s, "localhost", s.getPort(), true);
                    t.setUseClientMode(false);
                    t.startHandshake();
                    s = t;
                    in = reader(s);
                    out = s.getOutputStream();
                    secure = true;
                }
                case "AUTH" -> {
                    if (line.toUpperCase(java.util.Locale.ROOT).startsWith("AUTH LOGIN")) {
                        say(out, "334 VXNlcm5hbWU6");
                        in.readLine();
                        say(out, "334 UGFzc3dvcmQ6");
                        in.readLine();
                    } else if (line.trim().equalsIgnoreCase("AUTH PLAIN")) {
                        say(out, "334 ");
                        in.readLine();
                    }
                    say(out, "235 2.7.0 accepted");
                }
                case "DATA" -> {
                    say(out, "354 end with a dot");
                    String body;
                    while ((body = in.readLine()) != null && !body.equals(".")) {
                        // the message is not kept
                    }
                    say(out, "250 2.0.0 queued");
                }
                case "QUIT" -> {
                    say(out, "221 bye");
                    return;
                }
                default -> say(out, "250 ok");
            }
        }
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
