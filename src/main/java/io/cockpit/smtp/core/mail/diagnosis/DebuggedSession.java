package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.mail.PinnedTrust;
import io.cockpit.smtp.core.mail.SmtpSessions;
import io.cockpit.smtp.core.mail.WireAddress;
import io.cockpit.smtp.core.validation.Syntax;
import jakarta.mail.Session;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Angus session a diagnosis runs on: the very properties sending uses (timeouts, required STARTTLS, pinned trust),
 * with our recording socket factories, and its debug output written through a {@link TranscriptMasker}.
 */
final class DebuggedSession {
    private DebuggedSession() {
    }

    /**
     * @param secret the password (or token) in plain, null without authentication: only to mask it wherever it shows
     * @param lines where each masked transcript line goes
     */
    static Session open(GatewayConfig g, PinnedTrust trust, RecordingSockets sockets, char[] secret,
                        Consumer<TranscriptLine> lines) {
        Properties props = SmtpSessions.properties(g, trust);
        String k = "mail." + SmtpSessions.protocol(g) + ".";
        props.put(k + "ssl.socketFactory", sockets.ssl());
        props.put(k + "socketFactory", sockets.plain());
        // Without this, a refused handshake is silently retried with the JDK's default factory.
        props.put(k + "socketFactory.fallback", "false");
        props.put("mail.debug.auth", String.valueOf(authTraceStaysPrivate()));
        if (g.from() != null && !g.from().isBlank()) {
            // The Message-ID takes its domain from here (else "user@localhost" of the machine).
            props.put("mail.from", Syntax.address(g.from()).isEmpty() ? WireAddress.text(g.from()) : g.from());
        }
        Session session = Session.getInstance(props);
        TranscriptMasker masker = new TranscriptMasker(lines, secretForms(secret, g.username()));
        session.setDebugOut(new PrintStream(masker, true, StandardCharsets.UTF_8));
        session.setDebug(true);
        return session;
    }

    /**
     * Angus prints the AUTH exchange to its debug output and, at FINEST, to java.util.logging. We mask the debug
     * output; the log we cannot. So the exchange is traced only when no log handler would receive it.
     */
    private static boolean authTraceStaysPrivate() {
        return !Logger.getLogger("org.eclipse.angus.mail.smtp").isLoggable(Level.FINEST)
                && !Logger.getLogger("org.eclipse.angus.mail.smtp.protocol").isLoggable(Level.FINEST);
    }

    /** The secret as it may travel (plain, base64, PLAIN and XOAUTH2 responses): the masker's second net. */
    private static List<String> secretForms(char[] secret, String username) {
        if (secret == null || secret.length == 0) {
            return List.of();
        }
        String pw = new String(secret);
        String user = username == null ? "" : username;
        Base64.Encoder b64 = Base64.getEncoder();
        return List.of(pw,
                b64.encodeToString(pw.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0" + user + "\0" + pw).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString((user + "\0" + user + "\0" + pw).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("user=" + user + "\001auth=Bearer " + pw + "\001\001").getBytes(StandardCharsets.UTF_8)));
    }
}
