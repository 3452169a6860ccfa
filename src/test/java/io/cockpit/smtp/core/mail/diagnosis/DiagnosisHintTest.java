package io.cockpit.smtp.core.mail.diagnosis;

import static io.cockpit.smtp.core.mail.diagnosis.DiagnosisFixture.pinned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;

/** One situation per hint: the step that failed and the advice given. */
class DiagnosisHintTest extends DiagnosisTestBase {
    static TestCerts.Cert cert;

    @BeforeAll
    static void makeCertificate() {
        cert = TestCerts.localhost(dir, "localhost");
    }

    private static void assertFailed(DiagnosisReport r, Step step, Failure failure, Hint hint) {
        String why = r.steps() + "\n" + r.hints() + "\n" + String.join("\n", r.transcript());
        assertFalse(r.ok(), why);
        assertEquals(step, r.failedStep(), why);
        assertEquals(failure, r.failure(), why);
        assertTrue(r.hints().contains(hint), why);
        StepResult last = r.steps().get(r.steps().size() - 1);
        assertEquals(step, last.step(), why);
        assertFalse(last.ok(), why);
    }

    private static GreenMail greenMail(String protocol) {
        GreenMail gm = new GreenMail(new ServerSetup(0, "127.0.0.1", protocol).dynamicPort());
        gm.start();
        return gm;
    }

    @Test
    void sslOnAStartTlsPortIsExplained() throws Exception {
        try (var server = TestSmtp.subetha(0, cert.serverContext(), false, null, null)) {
            DiagnosisReport r = fx.check(pinned(fx.gateway(server.port(), Security.SSL), cert.certificate()));
            assertFailed(r, Step.TLS, Failure.TLS_NOT_SPOKEN, Hint.SSL_ON_STARTTLS_PORT);
        }
    }

    @Test
    void startTlsOnAnSslPortIsExplained() throws Exception {
        try (var server = TestSmtp.subethaSsl(cert.serverContext())) {
            GatewayConfig g = pinned(fx.gateway(server.port(), Security.STARTTLS), cert.certificate())
                    .toBuilder().readTimeoutSeconds(1).build();
            DiagnosisReport r = fx.check(g);
            assertFailed(r, Step.GREETING, Failure.SERVER_SILENT, Hint.STARTTLS_ON_SSL_PORT);
            assertFalse(r.hints().contains(Hint.SERVER_SILENT), r.hints().toString());
        }
    }

    @Test
    void startTlsNotOfferedIsExplained() throws Exception {
        GreenMail gm = greenMail(ServerSetup.PROTOCOL_SMTP);
        try {
            DiagnosisReport r = fx.check(fx.gateway(gm.getSmtp().getPort(), Security.STARTTLS));
            assertFailed(r, Step.TLS, Failure.STARTTLS_NOT_OFFERED, Hint.STARTTLS_NOT_OFFERED);
            assertFalse(r.transcript().contains("C: STARTTLS"), "never asked, never fell back");
            assertFalse(r.transcript().stream().anyMatch(l -> l.startsWith("C: MAIL")), "nothing sent in clear");
        } finally {
            gm.stop();
        }
    }

    @Test
    void untrustedCertificateIsExplainedAndShown() throws Exception {
        try (var server = TestSmtp.subetha(0, cert.serverContext(), true, null, null)) {
            DiagnosisReport r = fx.check(fx.gateway(server.port(), Security.STARTTLS));
            assertFailed(r, Step.TLS, Failure.CERT_UNTRUSTED, Hint.CERT_UNTRUSTED);
            assertEquals(io.cockpit.smtp.core.gateway.TrustedCertificates.fingerprint(cert.certificate()),
                    r.untrustedCertificate().fingerprint());
            assertEquals("CN=localhost", r.untrustedCertificate().subject());
            assertEquals("CN=localhost", r.untrustedCertificate().issuer());
        }
    }

    @Test
    void expiredCertificateIsRefusedEvenWhenPinned() throws Exception {
        TestCerts.Cert expired = TestCerts.generate(dir, "expired", "dns:localhost,ip:127.0.0.1", "-10d", 2);
        try (var server = TestSmtp.subetha(0, expired.serverContext(), true, null, null)) {
            DiagnosisReport r = fx.check(pinned(fx.gateway(server.port(), Security.STARTTLS), expired.certificate()));
            assertFailed(r, Step.TLS, Failure.CERT_EXPIRED, Hint.CERT_EXPIRED);
        }
    }

    @Test
    void certificateForAnotherNameIsExplained() throws Exception {
        TestCerts.Cert other = TestCerts.generate(dir, "other", "dns:mail.other.example", null, 30);
        try (var server = TestSmtp.subetha(0, other.serverContext(), true, null, null)) {
            DiagnosisReport r = fx.check(pinned(fx.gateway(server.port(), Security.STARTTLS), other.certificate()));
            assertFailed(r, Step.TLS, Failure.CERT_NAME_MISMATCH, Hint.CERT_NAME_MISMATCH);
            assertFalse(r.tls().hostMatches());
        }
    }

    @Test
    void authenticationNotOfferedIsExplained() throws Exception {
        try (var server = TestSmtp.subetha(0, cert.serverContext(), true, null, null)) {
            GatewayConfig g = fx.withPassword(pinned(fx.gateway(server.port(), Security.STARTTLS), cert.certificate()),
                    TestSmtp.USER, TestSmtp.PASSWORD);
            DiagnosisReport r = fx.check(g);
            assertFailed(r, Step.AUTH, Failure.AUTH_NOT_OFFERED, Hint.AUTH_NOT_OFFERED);
        }
    }

    @Test
    void refusedCredentialsAreExplained() throws Exception {
        try (var server = TestSmtp.subetha(0, cert.serverContext(), true,
                new EasyAuthenticationHandlerFactory(TestSmtp.validator()), null)) {
            GatewayConfig g = fx.withPassword(pinned(fx.gateway(server.port(), Security.STARTTLS), cert.certificate()),
                    TestSmtp.USER, "wrong-password");
            DiagnosisReport r = fx.check(g);
            assertFailed(r, Step.AUTH, Failure.AUTH_REJECTED, Hint.CREDENTIALS_REFUSED);
            assertTrue(r.transcript().stream().anyMatch(l -> l.startsWith("S: 535")), r.transcript().toString());
        }
    }

    @Test
    void refusedRelayIsExplained() throws Exception {
        try (var server = TestSmtp.subetha(0, cert.serverContext(), true,
                new EasyAuthenticationHandlerFactory(TestSmtp.validator()), "550 5.7.1 Relaying denied")) {
            GatewayConfig g = fx.withPassword(pinned(fx.gateway(server.port(), Security.STARTTLS), cert.certificate()),
                    TestSmtp.USER, TestSmtp.PASSWORD);
            DiagnosisReport r = fx.test(g, "someone@elsewhere.example");
            assertFailed(r, Step.RCPT_TO, Failure.RECIPIENT_REFUSED, Hint.SENDER_OR_RELAY_REFUSED);
            assertTrue(r.lastReply().startsWith("550 5.7.1"), r.lastReply());
            assertTrue(server.received.isEmpty());
        }
    }

    @Test
    void silentServerIsExplained() throws Exception {
        try (var server = new TestSmtp.Silent()) {
            GatewayConfig g = fx.gateway(server.port(), Security.STARTTLS).toBuilder().readTimeoutSeconds(1).build();
            DiagnosisReport r = fx.check(g);
            assertFailed(r, Step.GREETING, Failure.SERVER_SILENT, Hint.SERVER_SILENT);
        }
    }

    @Test
    void unknownNameIsExplained() throws Exception {
        GatewayConfig g = fx.gateway(25, Security.NONE).toBuilder().server("no-such-host.invalid").build();
        DiagnosisReport r = fx.check(g);
        assertFailed(r, Step.RESOLVE, Failure.NAME_NOT_RESOLVED, Hint.NAME_NOT_RESOLVED);
    }

    @Test
    void refusedConnectionIsExplained() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        DiagnosisReport r = fx.check(fx.gateway(closedPort, Security.NONE));
        assertFailed(r, Step.CONNECT, Failure.CONNECTION_REFUSED, Hint.CONNECTION_REFUSED);
    }

    @Test
    void offeredStartTlsIsSuggestedWhenSecurityIsNone() throws Exception {
        try (var server = TestSmtp.subetha(0, cert.serverContext(), false, null, null)) {
            DiagnosisReport r = fx.check(fx.gateway(server.port(), Security.NONE));
            assertTrue(r.ok(), r.steps().toString());
            assertTrue(r.capabilities().startTls());
            assertTrue(r.hints().contains(Hint.STARTTLS_AVAILABLE), r.hints().toString());
        }
    }
}
