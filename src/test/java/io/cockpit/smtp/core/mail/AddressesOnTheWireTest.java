package io.cockpit.smtp.core.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of MAIL FROM, RCPT TO and the address headers, as a scripted server receives them, with and without
 * SMTPUTF8 on offer: an address reaches the mailbox that was typed, or nothing is sent.
 */
class AddressesOnTheWireTest {
    static final String CYRILLIC = "\u0438\u0432\u0430\u043d@example.org"; // иван@example.org

    ScriptedSmtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedSmtpServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    DeliveryOutcome send(String from, String to) throws DeliveryFailure {
        GatewayConfig g = GatewayConfig.defaults("portal").toBuilder().status(GatewayStatus.ACTIVE).server("127.0.0.1")
                .port(server.port()).from(from).connectTimeoutSeconds(2).readTimeoutSeconds(2).build();
        MailDraft d = new MailDraft("<wire.1@example.org>", from, "Service desk", null, List.of(to), "Sujet", "Bonjour",
                null, Instant.parse("2026-11-30T12:00:00Z"));
        try (SmtpBatch b = SmtpBatch.open(g, PinnedTrust.of(g.trustedCertificates()), null)) {
            return b.send(d, List.of(to));
        }
    }

    byte[] command(String verb) {
        return server.commandBytes().stream()
                .filter(b -> new String(b, StandardCharsets.ISO_8859_1).startsWith(verb)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + verb + " in " + server.commands()));
    }

    boolean sent(String verb) {
        return server.commands().stream().anyMatch(c -> c.startsWith(verb));
    }

    @Test
    void aCyrillicLocalPartIsNeverSentToAServerWithoutSmtpUtf8() throws Exception {
        DeliveryOutcome o = send("itsm@example.com", CYRILLIC);

        assertFalse(sent("MAIL FROM"), server.commands().toString());
        assertFalse(sent("RCPT TO"), server.commands().toString());
        DeliveryOutcome.AddressOutcome a = o.recipients().get(CYRILLIC);
        assertEquals(DeliveryOutcome.Kind.PERMANENT, a.kind());
        assertTrue(a.reply().contains("SMTPUTF8"), a.reply());
        assertTrue(server.accepted().isEmpty());
    }

    @Test
    void aCyrillicLocalPartTravelsAsUtf8WhenTheServerOffersSmtpUtf8() throws Exception {
        server.offerSmtpUtf8(true);

        DeliveryOutcome o = send("itsm@example.com", CYRILLIC);

        assertEquals(DeliveryOutcome.Kind.ACCEPTED, o.recipients().get(CYRILLIC).kind());
        assertArrayEquals("MAIL FROM:<itsm@example.com> SMTPUTF8".getBytes(StandardCharsets.US_ASCII), command("MAIL FROM"));
        assertArrayEquals(("RCPT TO:<" + CYRILLIC + ">").getBytes(StandardCharsets.UTF_8), command("RCPT TO"));
        assertTrue(server.accepted().get(0).contains("To: " + CYRILLIC), server.accepted().get(0));
    }

    @Test
    void anInternationalisedSenderDomainGoesOutInItsAsciiForm() throws Exception {
        DeliveryOutcome o = send("itsm@b\u00fccher.de", "user@m\u00fcnchen.example");

        assertEquals(DeliveryOutcome.Kind.ACCEPTED, o.recipients().get("user@m\u00fcnchen.example").kind());
        assertArrayEquals("MAIL FROM:<itsm@xn--bcher-kva.de>".getBytes(StandardCharsets.US_ASCII), command("MAIL FROM"));
        assertArrayEquals("RCPT TO:<user@xn--mnchen-3ya.example>".getBytes(StandardCharsets.US_ASCII), command("RCPT TO"));
        String message = server.accepted().get(0);
        assertTrue(message.contains("<itsm@xn--bcher-kva.de>"), message);
        assertTrue(message.contains("To: user@xn--mnchen-3ya.example"), message);
    }

    @Test
    void aCharacterWhoseLowByteIsALineBreakTravelsAsUtf8NeverAsALineBreak() throws Exception {
        server.offerSmtpUtf8(true);
        String crInside = "a\u010dx@example.org"; // č: U+010D, whose low byte is CR

        DeliveryOutcome o = send("itsm@example.com", crInside);

        // Written one byte a character, č would have become a CR inside RCPT TO; written as UTF-8 it is C4 8D.
        assertEquals(DeliveryOutcome.Kind.ACCEPTED, o.recipients().get(crInside).kind());
        assertArrayEquals(("RCPT TO:<" + crInside + ">").getBytes(StandardCharsets.UTF_8), command("RCPT TO"));
        for (byte[] c : server.commandBytes()) {
            for (byte b : c) {
                assertTrue(b != '\r' && b != '\n', "a line break inside " + new String(c, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aCharacterWhoseLowByteIsALineBreakIsNotSentWithoutSmtpUtf8() throws Exception {
        String crInside = "a\u010dx@example.org";

        DeliveryOutcome o = send("itsm@example.com", crInside);

        assertEquals(DeliveryOutcome.Kind.PERMANENT, o.recipients().get(crInside).kind());
        assertFalse(sent("RCPT TO"), server.commands().toString());
    }
}
