package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import org.junit.jupiter.params.Parameter;

/** Every flow goes through the outbox and the sender to a real in-process SMTP server (GreenMail). */
@OnEveryStore
class FlowDeliveryTest {
    @Parameter StoreKind store;
    @TempDir Path dir;
    GreenMail smtp;
    CoreServices s;

    @BeforeEach
    void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        s = TestStore.open(store, dir);
        TestStore.plainGateway(s, smtp.getSmtp().getPort(), GatewayStatus.ACTIVE);
        s.outbox().usePortalLinks(() -> new PortalLinks() {
            public String userUrl() { return "https://itsm.example.com/portal/"; }
            public String operatorUrl() { return "https://itsm.example.com/ops/"; }
        });
    }

    @AfterEach
    void stop() {
        s.close();
        smtp.stop();
    }

    @ParameterizedTest
    @CsvSource({
        "ticket-notification, fr, user, Ticket 42 : Imprimante en panne, https://itsm.example.com/portal/",
        "ticket-notification, en, operator, 'Ticket 42: Imprimante en panne', https://itsm.example.com/ops/",
        "report-notification, fr, operator, Rapport Hebdo du 1er mai au 7 mai, https://itsm.example.com/ops/",
        "report-notification, en, user, 'Hebdo report: 1er mai to 7 mai', https://itsm.example.com/portal/",
        "password-reset, fr, user, Réinitialisation de votre mot de passe, https://itsm.example.com/portal/",
        "password-reset, en, user, Resetting your password, https://itsm.example.com/portal/",
        "user-access, fr, user, Votre accès au portail, https://itsm.example.com/portal/",
        "user-access, en, operator, Your access to the portal, https://itsm.example.com/ops/",
        "feedback, fr, user, Votre avis sur le ticket 42, https://itsm.example.com/portal/",
        "feedback, en, user, Your feedback on ticket 42, https://itsm.example.com/portal/",
        "ticket-email, fr, user, Ticket 42 : Imprimante en panne, https://itsm.example.com/portal/",
        "ticket-email, en, user, 'Ticket 42: Imprimante en panne', https://itsm.example.com/portal/",
        "supervision-alert, fr, operator, Alerte de supervision : disque plein, https://itsm.example.com/ops/",
        "supervision-alert, en, operator, 'Supervision alert: disque plein', https://itsm.example.com/ops/",
        "test, fr, user, Email de test de la passerelle SMTP, https://itsm.example.com/portal/",
        "test, en, user, SMTP gateway test email, https://itsm.example.com/portal/",
    })
    void flowArrivesWithFromDisplayNameReplyToSubjectAndLink(String flow, String lang, String audience, String subject,
                                                             String link) throws Exception {
        Map<String, String> vars = Map.of("TICKET_ID", "42", "TICKET_TITLE", "Imprimante en panne", "REPORT_NAME", "Hebdo",
                "LOGIN", "jdoe", "ALERT", "disque plein", "PERIOD_START", "1er mai", "PERIOD_END", "7 mai");
        long id = s.outbox().enqueue(new NewMessage(flow, List.of("jdoe@example.org"), lang, audience, null, null, vars, null));
        Outboxes.drain(s);
        OutboxMessage stored = Outboxes.get(s, id);
        assertEquals(OutboxStatus.SENT, stored.status(), stored.lastError());
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        MimeMessage got = smtp.getReceivedMessages()[0];
        InternetAddress from = (InternetAddress) got.getFrom()[0];
        assertEquals("itsm@example.com", from.getAddress());
        assertEquals("Service desk Été", from.getPersonal());
        assertEquals("support@example.com", ((InternetAddress) got.getReplyTo()[0]).getAddress());
        assertEquals(subject, got.getSubject());
        assertEquals(stored.messageId(), got.getMessageID());
        assertNotNull(got.getSentDate());
        String source = GreenMailUtil.getWholeMessage(got);
        for (String line : source.split("\r\n")) {
            assertTrue(line.length() <= 998, "line over 998 characters");
        }
        String text = stored.body();
        assertTrue(text.contains(link), "text body links to " + link);
        boolean hasHtml = Flow.fromCli(flow).orElseThrow() != Flow.TEST && Flow.fromCli(flow).orElseThrow() != Flow.SUPERVISION_ALERT;
        assertEquals(hasHtml, got.getContentType().startsWith("multipart/alternative"), got.getContentType());
        assertTrue(GreenMailUtil.getBody(got).contains(link.replace("=", "=3D")) || source.contains(link));
    }

    @Test
    void longBodyLinesAreWrappedBelow998Characters() throws Exception {
        String longLine = "x".repeat(5000);
        long id = s.outbox().enqueue(new NewMessage("ticket-email", List.of("a@example.org"), "fr", "user", "Long",
                longLine, Map.of(), null));
        Outboxes.drain(s);
        assertEquals(OutboxStatus.SENT, Outboxes.get(s, id).status());
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        String source = GreenMailUtil.getWholeMessage(smtp.getReceivedMessages()[0]);
        assertTrue(source.contains("quoted-printable"));
        for (String line : source.split("\r\n")) {
            assertTrue(line.length() <= 998, "line of " + line.length());
        }
        assertEquals(longLine, ((String) smtp.getReceivedMessages()[0].getContent()).trim());
    }

    @Test
    void inactiveGatewaySendsNothingAndActivatingSendsAll() throws Exception {
        TestStore.plainGateway(s, smtp.getSmtp().getPort(), GatewayStatus.INACTIVE);
        List<Long> ids = s.outbox().enqueueAll(List.of(Outboxes.message("test", "a@example.org"),
                Outboxes.message("test", "b@example.org"), Outboxes.message("test", "c@example.org")));
        assertEquals(0, Outboxes.drain(s));
        assertEquals(0, smtp.getReceivedMessages().length);
        ids.forEach(id -> assertEquals(OutboxStatus.QUEUED, Outboxes.get(s, id).status()));
        TestStore.plainGateway(s, smtp.getSmtp().getPort(), GatewayStatus.ACTIVE);
        assertEquals(3, Outboxes.drain(s));
        assertTrue(smtp.waitForIncomingEmail(5000, 3));
        ids.forEach(id -> assertEquals(OutboxStatus.SENT, Outboxes.get(s, id).status()));
    }
}
