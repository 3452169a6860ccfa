package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.TrustedCertificate;
import io.cockpit.smtp.core.gateway.TrustedCertificates;
import io.cockpit.smtp.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * "Faire confiance à ce certificat": adds the certificate the server presented to the gateway's pinned ones. Only that
 * exact certificate is added as a trust anchor; chain and host-name verification stay on, so a different certificate
 * later is refused again. Returns the changed configuration; saving it is the caller's (the screen's edit buffer, or
 * {@code gateway set}).
 */
public final class CertificatePinning {
    private CertificatePinning() {
    }

    public static GatewayConfig pin(GatewayConfig g, CertificateInfo presented) throws ValidationException {
        List<TrustedCertificate> pins = new ArrayList<>(g.trustedCertificates());
        for (var cert : TrustedCertificates.parse(presented.pem())) {
            TrustedCertificate pin = TrustedCertificates.of(cert);
            if (pins.stream().noneMatch(p -> p.fingerprint().equals(pin.fingerprint()))) {
                pins.add(pin);
            }
        }
        return g.toBuilder().trustedCertificates(pins).build();
    }
}
