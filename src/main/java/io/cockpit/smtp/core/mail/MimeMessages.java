package io.cockpit.smtp.core.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the MIME message of a draft. Only typed setters carry values ({@code setSubject(text, "UTF-8")} encodes per
 * RFC 2047, addresses are parsed strictly one by one); the raw header calls are used only with constants. Text parts
 * are quoted-printable so that no line exceeds 998 characters.
 */
public final class MimeMessages {
    private static final Pattern MESSAGE_ID = Pattern.compile("<[A-Za-z0-9._%+\\-]{1,120}@[A-Za-z0-9.\\-]{1,120}>");

    private MimeMessages() {
    }

    /** A message whose Message-ID is the one stored at enqueue, kept across retries (JavaMail would make a new one). */
    private static final class StoredIdMessage extends MimeMessage {
        private final String id;

        StoredIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    public static MimeMessage build(Session session, MailDraft d) throws MessagingException {
        if (d.messageId() == null || !MESSAGE_ID.matcher(d.messageId()).matches()) {
            throw new MessagingException("the stored Message-ID is malformed");
        }
        MimeMessage m = new StoredIdMessage(session, d.messageId());
        String personal = d.displayName() == null ? null : HeaderText.oneLine(d.displayName());
        try {
            m.setFrom(new InternetAddress(address(d.from()).getAddress(),
                    personal == null || personal.isEmpty() ? null : personal, "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not available", e);
        }
        if (d.replyTo() != null && !d.replyTo().isBlank()) {
            m.setReplyTo(new Address[] {address(d.replyTo())});
        }
        m.setRecipients(Message.RecipientType.TO, addresses(d.to()));
        m.setSubject(HeaderText.oneLine(d.subject()), "UTF-8");
        m.setSentDate(Date.from(d.date()));
        if (d.html() == null) {
            m.setText(d.text(), "UTF-8", "plain");
            m.setHeader("Content-Transfer-Encoding", "quoted-printable");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(d.text(), "UTF-8", "plain");
            text.setHeader("Content-Transfer-Encoding", "quoted-printable");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(d.html(), "UTF-8", "html");
            html.setHeader("Content-Transfer-Encoding", "quoted-printable");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            m.setContent(alternative);
        }
        m.saveChanges();
        return m;
    }

    /** One address, parsed strictly; anything that is not exactly one clean address is refused. */
    public static InternetAddress address(String s) throws AddressException {
        return WireAddress.of(s);
    }

    /** The first address of the draft that can only travel with SMTPUTF8 (From, Reply-To or a recipient), if any. */
    public static java.util.Optional<String> needingSmtpUtf8(MailDraft d, List<String> envelope) {
        List<String> all = new ArrayList<>();
        all.add(d.from());
        all.add(d.replyTo());
        all.addAll(d.to());
        all.addAll(envelope);
        return all.stream().filter(WireAddress::needsSmtpUtf8).findFirst();
    }

    static InternetAddress[] addresses(List<String> list) throws AddressException {
        List<InternetAddress> out = new ArrayList<>(list.size());
        for (String s : list) {
            out.add(address(s));
        }
        return out.toArray(new InternetAddress[0]);
    }

    /**
     * The message's bytes exactly as SMTP's DATA carries them (before dot-stuffing): what Microsoft Graph takes as MIME,
     * so a message sent either way has the same Message-ID, headers and parts.
     */
    public static byte[] wire(MailDraft d) throws MessageBuildException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            build(Session.getInstance(new java.util.Properties()), d).writeTo(bytes);
        } catch (MessagingException | java.io.IOException e) {
            throw new MessageBuildException(String.valueOf(e.getMessage()), e);
        }
        return bytes.toByteArray();
    }

    /** The message as it goes on the wire (headers and source for the details pane). */
    public static String source(MailDraft d) throws MessagingException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            build(Session.getInstance(new java.util.Properties()), d).writeTo(bytes);
        } catch (java.io.IOException e) {
            throw new MessagingException("cannot write the message", e);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The header lines of the built message, in order, as they go on the wire (encoded words left encoded). */
    public static java.util.List<String> headerLines(MailDraft d) throws MessagingException {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.Enumeration<String> lines = build(Session.getInstance(new java.util.Properties()), d).getAllHeaderLines();
        while (lines.hasMoreElements()) {
            out.add(lines.nextElement());
        }
        return out;
    }
}
