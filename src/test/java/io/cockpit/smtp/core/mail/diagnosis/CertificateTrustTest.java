package io.cockpit.smtp.core.mail.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.gateway.TrustedCertificates;
import org.junit.jupiter.api.Test;

/** Untrusted → refused with its fingerprint; pinned → accepted; another certificate on the same server → refused. */
class CertificateTrustTest extends DiagnosisTestBase {
    @Test
    void pinningThePresentedCertificateTrustsThatCertificateOnly() throws Exception {
        TestCerts.Cert first = TestCerts.localhost(dir, "first");
        TestCerts.Cert second = TestCerts.localhost(dir, "second");
        GatewayConfig g;
        int port;
        try (var server = TestSmtp.subetha(0, first.serverContext(), true, null, null)) {
            port = server.port();
            g = fx.gateway(port, Security.STARTTLS);

            DiagnosisReport refused = fx.check(g);
            assertEquals(Failure.CERT_UNTRUSTED, refused.failure());
            CertificateInfo shown = refused.untrustedCertificate();
            assertNotNull(shown);
            assertEquals(TrustedCertificates.fingerprint(first.certificate()), shown.fingerprint());
            assertTrue(shown.notAfter().isAfter(shown.notBefore()));

            g = CertificatePinning.pin(g, shown);
            assertEquals(1, g.trustedCertificates().size());
            DiagnosisReport accepted = fx.check(g);
            assertTrue(accepted.ok(), accepted.steps().toString());
            assertTrue(accepted.tls().hostMatches());
            assertEquals(g, CertificatePinning.pin(g, shown), "pinning twice adds nothing");
        }
        // same host and port, another certificate
        try (var server = TestSmtp.subetha(port, second.serverContext(), true, null, null)) {
            DiagnosisReport again = fx.check(g);
            assertFalse(again.ok());
            assertEquals(Failure.CERT_UNTRUSTED, again.failure());
            assertEquals(TrustedCertificates.fingerprint(second.certificate()), again.untrustedCertificate().fingerprint());
            assertNotEquals(g.trustedCertificates().get(0).fingerprint(), again.untrustedCertificate().fingerprint());
        }
    }
}
