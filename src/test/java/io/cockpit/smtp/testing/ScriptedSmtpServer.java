package io.cockpit.smtp.testing;

import java.io.IOException;
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
    private volatile boolean offerSmtpUtf8;
    private final List<String> secrets = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<String, String> authReply = secret -> "235 2.7.0 authenticated";
    private final List<byte[]> commands = Collections.synchronizedList(new ArrayList<>());
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

    public ScriptedSmtpServer offerSmtpUtf8(boolean v) {
        offerSmtpUtf8 = v;
        return this;
    }

    /**
     * Every command line as the client wrote it, byte for byte, without its final CRLF (message content excluded). A
     * line is cut at LF only, so a bare CR or a stray byte inside a command shows here as it came.
     */
    public List<byte[]> commandBytes() {
        synchronized (commands) {
            return commands.stream().map(byte[]::clone).toList();
        }
    }

    /** The command lines decoded as UTF-8, for assertions that need not see bytes. */
    public List<String> commands() {
        return commandBytes().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    /**
     * What to answer to the credentials (the password, or the XOAUTH2 token), once decoded. A reply starting with 334
     * is XOAUTH2's error challenge: the exchange then ends in 535.
     */
    public ScriptedSmtpServer auth(Function<String, String> reply) {
        authReply = reply;
        return this;
    }

    /** Offers AUTH PLAIN LOGIN XOAUTH2 and answers every AUTH with {@code reply} ("535 5.7.139 ..." to refuse). */
    public ScriptedSmtpServer authReply(String reply) {
        offerAuth = true;
        return auth(secret -> reply);
    }

    /** The password (or access token) of every AUTH, in order, decoded from PLAIN, LOGIN or XOAUTH2. */
    public List<String> secrets() {
        synchronized (secrets) {
            return List.copyOf(secrets);
        }
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
        boolean counted = true;
        try (s) {
            if (silent) {
                s.getInputStream().read(); // hold the connection open, answer nothing
                Thread.sleep(60_000);
                return;
            }
            LineIn in = new LineIn(s.getInputStream());
            OutputStream out = s.getOutputStream();
            say(out, "220 scripted.test ESMTP");
            byte[] raw;
            while ((raw = in.readBytes()) != null) {
                commands.add(raw);
                String line = new String(raw, StandardCharsets.UTF_8);
                String cmd = line.toUpperCase(Locale.ROOT);
                if (cmd.startsWith("EHLO")) {
                    say(out, "250-scripted.test\r\n250-8BITMIME\r\n" + (offerAuth ? "250-AUTH PLAIN LOGIN XOAUTH2\r\n" : "")
                            + (offerSmtpUtf8 ? "250-SMTPUTF8\r\n" : "") + "250 SIZE 10000000");
                } else if (cmd.startsWith("AUTH ")) {
                    String reply = authReply.apply(secret(line, in, out));
                    if (reply.startsWith("334 ")) {
                        // XOAUTH2's refusal: an error challenge, the client's empty answer, then the final reply.
                        say(out, reply);
                        in.readLine();
                        reply = "535 5.7.8 Username and Password not accepted";
                    }
                    say(out, reply);
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
                    // The session ends for the count before the reply: once the client has read it, it may open the
                    // next one while this thread is still to be scheduled.
                    open.decrementAndGet();
                    counted = false;
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away; nothing to do
        } finally {
            if (counted) {
                open.decrementAndGet();
            }
        }
    }

    /** Reads the credentials of one AUTH exchange (asking for what the client did not give at once). */
    private String secret(String line, LineIn in, OutputStream out) throws IOException {
        String[] words = line.split(" ");
        String mechanism = words[1].toUpperCase(Locale.ROOT);
        String secret;
        if (mechanism.equals("LOGIN")) {
            say(out, "334 VXNlcm5hbWU6");
            in.readLine();
            say(out, "334 UGFzc3dvcmQ6");
            secret = decode(in.readLine());
        } else {
            String initial = words.length > 2 ? words[2] : null;
            if (initial == null) {
                say(out, "334 ");
                initial = in.readLine();
            }
            String all = decode(initial);
            secret = mechanism.equals("XOAUTH2")
                    ? all.replaceFirst("(?s).*auth=Bearer ", "").replace("\u0001", "")
                    : all.substring(all.lastIndexOf('\0') + 1);
        }
        secrets.add(secret);
        return secret;
    }

    private static String decode(String b64) {
        return new String(java.util.Base64.getDecoder().decode(b64.trim()), StandardCharsets.UTF_8);
    }

    /** Lines as bytes, cut at LF; the CR before it is dropped. */
    private static final class LineIn {
        private final java.io.InputStream in;

        LineIn(java.io.InputStream in) {
            this.in = new java.io.BufferedInputStream(in);
        }

        byte[] readBytes() throws IOException {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                b.write(c);
            }
            if (c == -1 && b.size() == 0) {
                return null;
            }
            byte[] line = b.toByteArray();
            return line.length > 0 && line[line.length - 1] == '\r' ? java.util.Arrays.copyOf(line, line.length - 1) : line;
        }

        String readLine() throws IOException {
            byte[] b = readBytes();
            return b == null ? null : new String(b, StandardCharsets.UTF_8);
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
