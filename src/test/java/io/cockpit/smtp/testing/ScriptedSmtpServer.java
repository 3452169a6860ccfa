package io.cockpit.smtp.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny scripted SMTP peer on a ServerSocket, for the failure modes a real server will not produce on demand: a reply
 * chosen per RCPT and per DATA, a connection closed in the middle of DATA, a server that never answers. It is the
 * test's peer, not an SMTP client.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    /** What to answer at the end of DATA number n (from 1); {@link #CLOSE} closes the connection instead. */
    public static final String CLOSE = "<close>";

    private final ServerSocket socket;
    private final Thread acceptor;
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger dataCount = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private volatile boolean silent;
    private volatile boolean offerAuth;
    private volatile boolean closeMidData;
    /** The answer to AUTH (any mechanism, initial response on the line); null: AUTH is not offered through it. */
    private volatile String authReply;
    private volatile Function<String, String> rcptReply = a -> "250 2.1.5 ok";
    private volatile Function<Integer, String> dataReply = n -> "250 2.0.0 queued as " + n;

    public ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Accept TCP connections and never say a word. */
    public ScriptedSmtpServer silent() {
        silent = true;
        return this;
    }

    public ScriptedSmtpServer offerAuth(boolean v) {
        offerAuth = v;
        return this;
    }

    /** Offers AUTH PLAIN LOGIN XOAUTH2 and answers every AUTH with {@code reply} ("535 5.7.139 ..." to refuse). */
    public ScriptedSmtpServer authReply(String reply) {
        authReply = reply;
        return this;
    }

    /** Close the connection after reading a few lines of the first DATA. */
    public ScriptedSmtpServer closeInFirstData() {
        closeMidData = true;
        return this;
    }

    public ScriptedSmtpServer rcpt(Function<String, String> reply) {
        rcptReply = reply;
        return this;
    }

    public ScriptedSmtpServer data(Function<Integer, String> reply) {
        dataReply = reply;
        return this;
    }

    /** The messages the server accepted (250 after DATA), whole. */
    public List<String> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    public int connections() {
        return connections.get();
    }

    /** The most sessions that were open at the same time. */
    public int maxConcurrentSessions() {
        return maxOpen.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                sockets.add(s);
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "scripted-smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        try (s) {
            if (silent) {
                s.getInputStream().read(); // hold the connection open, answer nothing
                Thread.sleep(60_000);
                return;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            say(out, "220 scripted.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.toUpperCase(Locale.ROOT);
                if (cmd.startsWith("EHLO")) {
                    say(out, "250-scripted.test\r\n250-8BITMIME\r\n" + (authReply != null ? "250-AUTH PLAIN LOGIN XOAUTH2\r\n"
                            : offerAuth ? "250-AUTH PLAIN LOGIN\r\n" : "") + "250 SIZE 10000000");
                } else if (cmd.startsWith("AUTH") && authReply != null) {
                    say(out, authReply);
                } else if (cmd.startsWith("HELO")) {
                    say(out, "250 scripted.test");
                } else if (cmd.startsWith("MAIL FROM")) {
                    say(out, "250 2.1.0 ok");
                } else if (cmd.startsWith("RCPT TO")) {
                    String addr = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    say(out, rcptReply.apply(addr));
                } else if (cmd.startsWith("DATA")) {
                    say(out, "354 go ahead");
                    int n = dataCount.incrementAndGet();
                    if (closeMidData && n == 1) {
                        in.readLine();
                        in.readLine();
                        return; // the connection drops in the middle of DATA
                    }
                    StringBuilder data = new StringBuilder();
                    String d;
                    boolean ended = false;
                    while ((d = in.readLine()) != null) {
                        if (d.equals(".")) {
                            ended = true;
                            break;
                        }
                        data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                    }
                    if (!ended) {
                        return; // the client went away in the middle of DATA: nothing was accepted
                    }
                    String reply = dataReply.apply(n);
                    if (CLOSE.equals(reply)) {
                        return;
                    }
                    if (reply.startsWith("2")) {
                        accepted.add(data.toString());
                    }
                    say(out, reply);
                } else if (cmd.startsWith("RSET") || cmd.startsWith("NOOP")) {
                    say(out, "250 ok");
                } else if (cmd.startsWith("QUIT")) {
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away; nothing to do
        } finally {
            open.decrementAndGet();
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (sockets) {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
