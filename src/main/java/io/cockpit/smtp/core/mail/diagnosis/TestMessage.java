package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.mail.WireAddress;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * The test email: sent as the gateway sends everything (From with its display name, Reply-To), with a body that says
 * which gateway sent it and when, in French and English since it goes to an administrator of either.
 */
final class TestMessage {
    static final String SUBJECT = "Email de test / Test email – cockpit SMTP";

    private TestMessage() {
    }

    /** The body: which gateway sent it, through which server, when. */
    static String text(GatewayConfig g, Instant now) {
        String when = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.atOffset(ZoneOffset.UTC));
        String where = g.server() + ":" + g.port() + " (" + g.security().cliName() + ")";
        return "Cet email de test a été envoyé par la passerelle SMTP « " + g.name() + " » via " + where
                + " le " + when + ".\n"
                + "Si vous le lisez, la passerelle fonctionne.\n\n"
                + "This test email was sent by the SMTP gateway \"" + g.name() + "\" through " + where
                + " at " + when + ".\n"
                + "If you can read it, the gateway works.\n";
    }

    static MimeMessage build(Session session, GatewayConfig g, String to, Instant now) throws MessagingException {
        return build(session, g, to, now, new EmailContent(SUBJECT, text(g, now)));
    }

    /** A test email with given content (such as the Format des emails sample); From and Reply-To are the gateway's. */
    static MimeMessage build(Session session, GatewayConfig g, String to, Instant now, EmailContent content)
            throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        try {
            m.setFrom(new InternetAddress(WireAddress.of(g.from()).getAddress(), g.displayName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        if (g.replyTo() != null && !g.replyTo().isBlank()) {
            m.setReplyTo(new InternetAddress[] {WireAddress.of(g.replyTo())});
        }
        m.setRecipient(Message.RecipientType.TO, WireAddress.of(to));
        // setSubject folds and encodes; control characters are flattened first so no text can add a header line
        m.setSubject(content.subject().replaceAll("[\\p{Cntrl}]+", " ").strip(), "UTF-8");
        m.setSentDate(Date.from(now));
        m.setText(content.body(), "UTF-8");
        m.saveChanges();
        return m;
    }
}
