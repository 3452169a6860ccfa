package io.cockpit.smtp.core.gateway;

import java.util.Objects;

/**
 * A certificate pinned to a gateway: accepted in addition to the system's authorities.
 * Chain and host-name verification stay on; only this exact certificate is added as a trust anchor.
 *
 * @param fingerprint "sha256:AB:CD:..." of the DER encoding
 * @param pem the certificate, PEM encoded
 */
public record TrustedCertificate(String fingerprint, String pem) {
    public TrustedCertificate {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(pem, "pem");
    }
}
