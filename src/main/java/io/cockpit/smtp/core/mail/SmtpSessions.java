package io.cockpit.smtp.core.mail;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * Builds the Angus Mail session for a gateway, with every safety the library does not give by default:
 * all three timeouts set (they default to infinite), STARTTLS required (else it silently falls back to plain text),
 * certificate and host-name verification on, trust pinned per gateway, never {@code mail.smtp.ssl.trust}.
 */
public final class SmtpSessions {
    static {
        // jakarta.mail-api 2.1 scans ServiceLoader on every message write unless told the provider (about 3x faster).
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private SmtpSessions() {
    }

    /** The Angus protocol name: "smtps" for SSL (TLS from the first byte), else "smtp". */
    public static String protocol(GatewayConfig g) {
        return g.security() == Security.SSL ? "smtps" : "smtp";
    }

    public static Properties properties(GatewayConfig g, PinnedTrust trust) {
        String p = protocol(g);
        String k = "mail." + p + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", p);
        props.put(k + "host", stripBrackets(g.server()));
        // Commands and headers as UTF-8, not one byte per character (which turns U+010D into CR): addresses go out
        // with ASCII domains, and a non-ASCII local part only once the server has offered SMTPUTF8 (checked by the
        // caller before each message), which is when Angus adds SMTPUTF8 to MAIL FROM.
        props.put("mail.mime.allowutf8", "true");
        props.put(k + "port", String.valueOf(g.port()));
        props.put(k + "connectiontimeout", String.valueOf(g.connectTimeoutSeconds() * 1000L));
        props.put(k + "timeout", String.valueOf(g.readTimeoutSeconds() * 1000L));
        props.put(k + "writetimeout", String.valueOf(g.readTimeoutSeconds() * 1000L));
        if (g.helo() != null && !g.helo().isBlank()) {
            props.put(k + "localhost", WireAddress.host(g.helo()));
        }
        // Verification stays on whatever the mode; the factory carries the pinned trust.
        props.put(k + "ssl.checkserveridentity", "true");
        props.put(k + "ssl.socketFactory", trust.socketFactory());
        // Else Angus retries a refused handshake with the JDK's default factory, hiding the first refusal.
        props.put(k + "socketFactory.fallback", "false");
        props.put(k + "ssl.protocols", "TLSv1.3 TLSv1.2");
        if (g.security() == Security.SSL) {
            props.put(k + "ssl.enable", "true");
        } else if (g.security() == Security.STARTTLS) {
            props.put(k + "starttls.enable", "true");
            props.put(k + "starttls.required", "true");
        }
        if (g.auth() == Authentication.PASSWORD) {
            props.put(k + "auth", "true");
        } else if (g.auth() == Authentication.OAUTH2) {
            props.put(k + "auth", "true");
            props.put(k + "auth.mechanisms", "XOAUTH2");
        } else {
            props.put(k + "auth", "false");
        }
        return props;
    }

    /**
     * The session a message's headers are written with. The transport's session writes UTF-8 (for commands), but the
     * same setting would write headers in raw UTF-8 too (RFC 6532), which only a server that took SMTPUTF8 may get: a
     * message whose addresses are all ASCII is written with encoded words instead, as before.
     */
    public static Session forHeaders(Session transport, boolean utf8) {
        if (utf8) {
            return transport;
        }
        Properties p = new Properties();
        p.putAll(transport.getProperties());
        p.put("mail.mime.allowutf8", "false");
        return Session.getInstance(p);
    }

    /** The host as sockets want it: an IPv6 literal without its brackets, a name in its ASCII (IDNA) form. */
    public static String stripBrackets(String host) {
        if (host == null) {
            return null;
        }
        String h = host.trim();
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : WireAddress.host(h);
    }
}
