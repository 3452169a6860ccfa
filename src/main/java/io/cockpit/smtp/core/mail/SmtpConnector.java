package io.cockpit.smtp.core.mail;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Opens an authenticated SMTP connection for a gateway through Angus Mail's own transport, refusing to go on when
 * authentication is configured but not offered.
 */
public final class SmtpConnector {
    private SmtpConnector() {
    }

    /**
     * @param secret the password (or the OAuth access token), null without authentication; cleared by the caller
     * @return a connected transport; the caller closes it
     */
    public static SMTPTransport connect(Session session, GatewayConfig g, char[] secret) throws MessagingException {
        SMTPTransport t = (SMTPTransport) session.getTransport(SmtpSessions.protocol(g));
        boolean auth = g.auth() != Authentication.NONE;
        try {
            if (auth) {
                // Angus connects, then authenticates only if the server advertises AUTH; with no AUTH it returns
                // connected and unauthenticated. Check after the fact and never send on such a connection.
                t.connect(SmtpSessions.stripBrackets(g.server()), g.port(), g.username(),
                        secret == null ? "" : new String(secret));
                String offered = t.getExtensionParameter("AUTH");
                if (!t.supportsExtension("AUTH") || !mechanismOffered(g, offered)) {
                    throw new AuthNotOfferedException(offered);
                }
            } else {
                t.connect(SmtpSessions.stripBrackets(g.server()), g.port(), null, null);
            }
            return t;
        } catch (MessagingException | RuntimeException e) {
            try {
                t.close();
            } catch (MessagingException ignored) {
                // already failing; the first cause is the one that matters
            }
            throw e;
        }
    }

    static boolean mechanismOffered(GatewayConfig g, String offered) {
        if (offered == null) {
            return false;
        }
        String o = " " + offered.toUpperCase(Locale.ROOT) + " ";
        if (g.auth() == Authentication.OAUTH2) {
            return o.contains(" XOAUTH2 ");
        }
        return Arrays.stream(new String[] {"PLAIN", "LOGIN", "DIGEST-MD5", "NTLM"}).anyMatch(m -> o.contains(" " + m + " "));
    }
}
