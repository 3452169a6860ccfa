package io.cockpit.smtp.core.mail.diagnosis;

import static io.cockpit.smtp.core.mail.diagnosis.DiagnosisFixture.pinned;
import static io.cockpit.smtp.core.mail.diagnosis.DiagnosisFixture.stepNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;

class DiagnosisSuccessTest extends DiagnosisTestBase {
    static TestCerts.Cert cert;

    @BeforeAll
    static void makeCertificate() {
        cert = TestCerts.localhost(dir, "localhost");
        // GreenMail's TLS factory is a JVM-wide singleton: its keystore must be set before any SMTPS server starts.
        System.setProperty("greenmail.tls.keystore.file", cert.p12().toString());
        System.setProperty("greenmail.tls.keystore.password", TestCerts.PASSWORD);
        System.setProperty("greenmail.tls.key.password", TestCerts.PASSWORD);
    }

    @Test
    void checkPassesOverStartTlsWithAuthentication() throws Exception {
        try (var server = TestSmtp.subetha(0, cert.serverContext(), true,
                new EasyAuthenticationHandlerFactory(TestSmtp.validator()), null)) {
            GatewayConfig g = fx.withPassword(pinned(fx.gateway(server.port(), Security.STARTTLS), cert.certificate()),
                    TestSmtp.USER, TestSmtp.PASSWORD);

            DiagnosisReport r = fx.check(g);

            assertTrue(r.ok(), () -> r.steps() + "\n" + String.join("\n", r.transcript()));
            assertEquals(List.of("resolve", "connect", "greeting", "tls", "auth"), stepNames(r));
            assertNotNull(r.tls().protocol());
            assertTrue(r.tls().hostMatches());
            assertTrue(r.tls().trusted());
            assertTrue(r.capabilities().authMechanisms().contains("PLAIN"), r.capabilities().toString());
            assertTrue(r.transcript().contains("C: STARTTLS"), r.transcript().toString());
            assertTrue(r.transcript().stream().anyMatch(l -> l.startsWith("S: 235")), r.transcript().toString());
        }
    }

    @Test
    void testEmailArrivesOverStartTlsWithFromDisplayNameAndReplyTo() throws Exception {
        try (var server = TestSmtp.subetha(0, cert.serverContext(), true,
                new EasyAuthenticationHandlerFactory(TestSmtp.validator()), null)) {
            GatewayConfig g = fx.withPassword(pinned(fx.gateway(server.port(), Security.STARTTLS), cert.certificate()),
                    TestSmtp.USER, TestSmtp.PASSWORD);

            DiagnosisReport r = fx.test(g, "admin@example.org");

            assertTrue(r.ok(), () -> r.steps() + "\n" + String.join("\n", r.transcript()));
            assertEquals(List.of("resolve", "connect", "greeting", "tls", "auth", "mail-from", "rcpt-to", "data"),
                    stepNames(r));
            assertEquals(1, server.received.size());
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(server.received.get(0)));
            assertArrivedAsConfigured(m, r);
        }
    }

    @Test
    void testEmailArrivesOverSsl() throws Exception {
        GreenMail gm = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort());
        gm.start();
        try {
            int port = gm.getSmtps().getPort();
            GatewayConfig g = pinned(fx.gateway(port, Security.SSL), cert.certificate());

            DiagnosisReport r = fx.test(g, "admin@example.org");

            assertTrue(r.ok(), () -> r.steps() + "\n" + String.join("\n", r.transcript()));
            assertEquals(List.of("resolve", "connect", "tls", "greeting", "mail-from", "rcpt-to", "data"), stepNames(r));
            assertEquals(cert.certificate().getSerialNumber(), serialOfLeaf(r));
            assertEquals(1, gm.getReceivedMessages().length);
            assertArrivedAsConfigured(gm.getReceivedMessages()[0], r);
        } finally {
            gm.stop();
        }
    }

    @Test
    void testEmailArrivesInPlainText() throws Exception {
        GreenMail gm = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        gm.start();
        try {
            GatewayConfig g = fx.gateway(gm.getSmtp().getPort(), Security.NONE);

            DiagnosisReport r = fx.test(g, "admin@example.org");

            assertTrue(r.ok(), () -> r.steps() + "\n" + String.join("\n", r.transcript()));
            assertEquals(List.of("resolve", "connect", "greeting", "mail-from", "rcpt-to", "data"), stepNames(r));
            assertEquals(1, gm.getReceivedMessages().length);
            assertArrivedAsConfigured(gm.getReceivedMessages()[0], r);
            assertTrue(r.transcript().stream().anyMatch(l -> l.startsWith("S: 220")), r.transcript().toString());
            assertTrue(r.transcript().stream().anyMatch(l -> l.startsWith("C: MAIL FROM:<itsm@example.com>")));
        } finally {
            gm.stop();
        }
    }

    private static java.math.BigInteger serialOfLeaf(DiagnosisReport r) throws Exception {
        var certs = io.cockpit.smtp.core.gateway.TrustedCertificates.parse(r.tls().leaf().pem());
        return certs.get(0).getSerialNumber();
    }

    private static void assertArrivedAsConfigured(MimeMessage m, DiagnosisReport r) throws Exception {
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertEquals("itsm@example.com", from.getAddress());
        assertEquals("Service desk é", from.getPersonal());
        assertEquals("support@example.com", ((InternetAddress) m.getReplyTo()[0]).getAddress());
        assertEquals(TestMessage.SUBJECT, m.getSubject());
        assertNotNull(r.messageId());
        assertEquals(r.messageId(), m.getMessageID());
    }
}
