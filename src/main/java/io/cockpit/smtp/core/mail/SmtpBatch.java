package io.cockpit.smtp.core.mail;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP connection reused for a batch of messages. Every outcome is classified here, so the sender never sees a
 * Jakarta Mail type: 2xx accepted, 4xx / connection loss / timeout temporary, 5xx permanent, each recipient on its own
 * ({@code sendpartial}: the valid recipients get the message even when others are refused).
 */
public final class SmtpBatch implements AutoCloseable {
    private final Session session;
    private final Session asciiHeaders;
    private final SMTPTransport transport;

    private SmtpBatch(Session session, SMTPTransport transport) {
        this.session = session;
        this.asciiHeaders = SmtpSessions.forHeaders(session, false);
        this.transport = transport;
    }

    /**
     * Connects, secures and authenticates.
     *
     * @param trust built once for the gateway and reused: building one reads the system's authorities, far too slow to
     *              repeat for every batch
     * @param secret the password, null without authentication; not kept
     */
    public static SmtpBatch open(GatewayConfig gateway, PinnedTrust trust, char[] secret) throws DeliveryFailure {
        Properties props = SmtpSessions.properties(gateway, trust);
        String k = "mail." + SmtpSessions.protocol(gateway) + ".";
        props.put(k + "sendpartial", "true");
        Session session = Session.getInstance(props);
        try {
            return new SmtpBatch(session, SmtpConnector.connect(session, gateway, secret));
        } catch (AuthNotOfferedException e) {
            throw new DeliveryFailure(e.getMessage() + "; nothing was sent unauthenticated", true, e);
        } catch (AuthenticationFailedException e) {
            throw new DeliveryFailure("the server refused the authentication: " + causeText(e), false, e);
        } catch (MessagingException | RuntimeException e) {
            throw new DeliveryFailure("cannot connect to " + gateway.server() + ":" + gateway.port() + ": "
                    + causeText(e), false, e);
        }
    }

    /** Sends {@code draft} to the envelope addresses {@code envelope} (the To header shows all of the draft's). */
    public DeliveryOutcome send(MailDraft draft, List<String> envelope) {
        MimeMessage message;
        InternetAddress[] rcpt;
        var utf8Address = MimeMessages.needingSmtpUtf8(draft, envelope);
        try {
            message = MimeMessages.build(utf8Address.isPresent() ? session : asciiHeaders, draft);
            rcpt = MimeMessages.addresses(envelope);
        } catch (MessagingException e) {
            Map<String, DeliveryOutcome.AddressOutcome> all = new LinkedHashMap<>();
            String why = "the message cannot be built: " + causeText(e);
            envelope.forEach(a -> all.put(a, new DeliveryOutcome.AddressOutcome(DeliveryOutcome.Kind.PERMANENT, why)));
            return new DeliveryOutcome(all, why, false);
        }
        if (utf8Address.isPresent() && !transport.supportsExtension("SMTPUTF8")) {
            // Sent without SMTPUTF8 the local part would be mangled into another mailbox's name: never try.
            String why = smtpUtf8Refusal(utf8Address.get());
            Map<String, DeliveryOutcome.AddressOutcome> all = new LinkedHashMap<>();
            envelope.forEach(a -> all.put(a, new DeliveryOutcome.AddressOutcome(DeliveryOutcome.Kind.PERMANENT, why)));
            return new DeliveryOutcome(all, why, false);
        }
        try {
            transport.sendMessage(message, rcpt);
            Map<String, DeliveryOutcome.AddressOutcome> all = new LinkedHashMap<>();
            String reply = lastReply();
            envelope.forEach(a -> all.put(a, new DeliveryOutcome.AddressOutcome(DeliveryOutcome.Kind.ACCEPTED, reply)));
            return new DeliveryOutcome(all, reply, false);
        } catch (SendFailedException e) {
            return classify(envelope, e);
        } catch (MessagingException | RuntimeException e) {
            // Connection lost, timeout, write failure: nothing is known to be accepted.
            String why = "connection lost: " + causeText(e);
            Map<String, DeliveryOutcome.AddressOutcome> all = new LinkedHashMap<>();
            envelope.forEach(a -> all.put(a, new DeliveryOutcome.AddressOutcome(DeliveryOutcome.Kind.TEMPORARY, why)));
            return new DeliveryOutcome(all, why, true);
        }
    }

    private DeliveryOutcome classify(List<String> envelope, SendFailedException e) {
        Map<String, DeliveryOutcome.AddressOutcome> perAddress = new LinkedHashMap<>();
        // Each refused RCPT is chained as its own SMTPAddressFailedException with the server's reply.
        Exception next = e;
        for (int guard = 0; next != null && guard < 10_000; guard++) {
            if (next instanceof SMTPAddressFailedException af) {
                perAddress.put(key(af.getAddress()), new DeliveryOutcome.AddressOutcome(kindOf(af.getReturnCode()),
                        oneLine(af.getMessage())));
            }
            next = next instanceof MessagingException me ? me.getNextException() : null;
        }
        int topCode = e instanceof SMTPSendFailedException s ? s.getReturnCode() : -1;
        String topReply = e instanceof SMTPSendFailedException s ? oneLine(s.getMessage()) : causeText(e);
        if (topCode < 0 && perAddress.isEmpty()) {
            // No reply at all (the server went away mid-command, "[EOF]"): nothing is known to be accepted.
            String why = "connection lost: " + causeText(e);
            Map<String, DeliveryOutcome.AddressOutcome> all = new LinkedHashMap<>();
            envelope.forEach(a -> all.put(a, new DeliveryOutcome.AddressOutcome(DeliveryOutcome.Kind.TEMPORARY, why)));
            return new DeliveryOutcome(all, why, true);
        }
        List<String> sent = names(e.getValidSentAddresses());
        Map<String, DeliveryOutcome.AddressOutcome> out = new LinkedHashMap<>();
        for (String a : envelope) {
            // Angus reports addresses as they went on the wire (ASCII domain): compare in that form.
            String k = WireAddress.text(a).toLowerCase(Locale.ROOT);
            DeliveryOutcome.AddressOutcome o = perAddress.get(k);
            if (o == null && sent.contains(k)) {
                o = new DeliveryOutcome.AddressOutcome(DeliveryOutcome.Kind.ACCEPTED, topReply);
            }
            if (o == null) {
                o = new DeliveryOutcome.AddressOutcome(topCode >= 500 ? DeliveryOutcome.Kind.PERMANENT
                        : DeliveryOutcome.Kind.TEMPORARY, topReply);
            }
            out.put(a, o);
        }
        boolean lost = !stillConnected();
        String reply = perAddress.isEmpty() ? topReply : perAddress.values().iterator().next().reply();
        if (topCode >= 400 && sent.isEmpty()) {
            reply = topReply;
        }
        return new DeliveryOutcome(out, reply, lost);
    }

    /** Why a message that needs SMTPUTF8 was not sent: the reason stored with the failed message. */
    public static String smtpUtf8Refusal(String address) {
        return "the server does not offer SMTPUTF8, needed for " + address
                + " (non-ASCII characters before the @): not sent, so that it cannot reach another mailbox";
    }

    private boolean stillConnected() {
        try {
            return transport.isConnected();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String lastReply() {
        String r = transport.getLastServerResponse();
        return r == null ? "250" : oneLine(r);
    }

    private static DeliveryOutcome.Kind kindOf(int code) {
        return code >= 500 ? DeliveryOutcome.Kind.PERMANENT : DeliveryOutcome.Kind.TEMPORARY;
    }

    private static List<String> names(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Arrays.stream(addresses).forEach(a -> out.add(key(a)));
        return out;
    }

    private static String key(Address a) {
        return a instanceof InternetAddress ia ? ia.getAddress().toLowerCase(Locale.ROOT) : String.valueOf(a).toLowerCase(Locale.ROOT);
    }

    static String causeText(Throwable e) {
        Throwable root = e;
        StringBuilder sb = new StringBuilder(oneLine(e.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e) {
            String m = root.getMessage();
            sb.append(" (").append(root.getClass().getSimpleName()).append(m == null ? "" : ": " + oneLine(m)).append(')');
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : HeaderText.oneLine(s);
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // the connection is going away anyway; the outcomes are already known
        }
    }
}
