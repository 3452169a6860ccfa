package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.gateway.TrustedCertificate;
import io.cockpit.smtp.core.gateway.TrustedCertificates;
import io.cockpit.smtp.core.validation.ValidationException;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/** A real store (for sealing the password) and gateway configurations pointing at in-process servers. */
final class DiagnosisFixture implements AutoCloseable {
    final CoreServices services;
    final DiagnosisService diagnosis;

    DiagnosisFixture(Path dir) {
        services = TestStore.open(dir);
        diagnosis = new DiagnosisService(services.gatewaySecrets(), DiagnosisService.TestEmailLog.NONE, services.access());
    }

    GatewayConfig gateway(int port, Security security) {
        return GatewayConfig.defaults(GatewayConfig.PORTAL).toBuilder()
                .server("127.0.0.1").port(port).security(security)
                .from("itsm@example.com").displayName("Service desk é").replyTo("support@example.com")
                .connectTimeoutSeconds(5).readTimeoutSeconds(5)
                .build();
    }

    GatewayConfig withPassword(GatewayConfig g, String user, String password) {
        return g.toBuilder().auth(Authentication.PASSWORD).username(user)
                .password(services.gateways().sealPassword(g.name(), password.toCharArray())).build();
    }

    static GatewayConfig pinned(GatewayConfig g, X509Certificate... certs) {
        List<TrustedCertificate> pins = java.util.Arrays.stream(certs).map(TrustedCertificates::of).toList();
        return g.toBuilder().trustedCertificates(pins).build();
    }

    DiagnosisReport check(GatewayConfig g) throws ValidationException {
        return diagnosis.check(g, DiagnosisListener.NONE, new Cancellation());
    }

    DiagnosisReport test(GatewayConfig g, String to) throws ValidationException {
        return diagnosis.test(g, to, DiagnosisListener.NONE, new Cancellation());
    }

    static List<String> stepNames(DiagnosisReport r) {
        return r.steps().stream().map(s -> s.step().id() + (s.ok() ? "" : "!")).toList();
    }

    @Override
    public void close() {
        services.close();
    }
}
