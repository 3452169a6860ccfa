package io.cockpit.smtp.core.mail;

import static org.junit.jupiter.api.Assertions.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.outbox.NewMessage;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CR/LF and "Bcc:" in any value never make a header or a recipient, also after storage and an engine restart. */
class HeaderInjectionTest {
    static final String EVIL = "x\r\nBcc: evil@example.net\r\nX-Injected: yes";
    @TempDir Path dir;

    @Test
    void valuesWithLineBreaksStayInsideTheirFieldAfterStorageAndRestart() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            long custom;
            long builtIn;
            try (CoreServices s = TestStore.open(dir)) {
                TestStore.plainGateway(s, smtp.getSmtp().getPort(), GatewayStatus.INACTIVE);
                custom = s.outbox().enqueue(new NewMessage("ticket-email", List.of("jdoe@example.org"), "fr", "user",
                        "Hello" + EVIL, "Body\r\n" + EVIL + "\r\n\r\nBcc: evil2@example.net\r\n", Map.of(), null));
                builtIn = s.outbox().enqueue(new NewMessage("ticket-notification", List.of("jdoe@example.org"), "en", "user",
                        null, null, Map.of("TICKET_ID", "7" + EVIL, "TICKET_TITLE", EVIL), null));
            }
            try (CoreServices s = TestStore.open(dir)) {
                TestStore.plainGateway(s, smtp.getSmtp().getPort(), GatewayStatus.ACTIVE);
                Outboxes.drain(s);
                assertEquals(OutboxStatus.SENT, Outboxes.get(s, custom).status());
                assertEquals(OutboxStatus.SENT, Outboxes.get(s, builtIn).status());
            }
            assertTrue(smtp.waitForIncomingEmail(5000, 2));
            Thread.sleep(200); // let a wrongly added recipient's copy arrive too, if there were one
            MimeMessage[] all = smtp.getReceivedMessages();
            assertEquals(2, all.length, "only the real recipient got copies");
            assertEquals(0, smtp.getReceivedMessagesForDomain("example.net").length);
            for (MimeMessage m : all) {
                assertNull(m.getHeader("Bcc"));
                assertNull(m.getHeader("X-Injected"));
                assertEquals(1, m.getHeader("Subject").length);
                String headers = GreenMailUtil.getHeaders(m);
                assertFalse(Arrays.stream(headers.split("\r\n")).anyMatch(l -> l.startsWith("Bcc:") || l.startsWith("X-Injected")),
                        headers);
                assertFalse(m.getSubject().contains("\n"));
            }
        } finally {
            smtp.stop();
        }
    }

    @Test
    void displayNameWithLineBreaksStaysOneHeader() throws Exception {
        MailDraft d = new MailDraft("<a.b@example.com>", "itsm@example.com", "Desk" + EVIL, "support@example.com",
                List.of("jdoe@example.org"), "Subject" + EVIL, "body", null, Instant.now());
        List<String> lines = MimeMessages.headerLines(d);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("Bcc") || l.startsWith("X-Injected")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("\r") || l.contains("\n") && !l.contains("\r\n ")
                && !l.contains("\r\n\t")), lines.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.org\r\nBcc: evil@example.net", "a@example.org, evil@example.net",
            "Evil <evil@example.net>", "a@example.org\nRCPT TO:<evil@example.net>"})
    void anAddressThatIsNotExactlyOneAddressIsRefused(String value) {
        assertThrows(AddressException.class, () -> MimeMessages.address(value));
    }

    @Test
    void aStoredMessageIdThatIsNotOneIsRefused() {
        MailDraft d = new MailDraft("<a@b>\r\nBcc: evil@example.net", "itsm@example.com", null, null,
                List.of("jdoe@example.org"), "s", "b", null, Instant.now());
        assertThrows(jakarta.mail.MessagingException.class, () -> MimeMessages.headerLines(d));
    }
}
