package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.gateway.TrustedCertificates;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an administrator needs to decide whether to trust a certificate, and the certificate itself (PEM) so it can
 * be pinned.
 *
 * @param names the subject alternative names (DNS names and IP addresses)
 */
public record CertificateInfo(String subject, String issuer, Instant notBefore, Instant notAfter, String fingerprint,
                              List<String> names, String pem) {
    public CertificateInfo {
        names = List.copyOf(names);
    }

    public static CertificateInfo of(X509Certificate c) {
        return new CertificateInfo(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), TrustedCertificates.fingerprint(c),
                alternativeNames(c), TrustedCertificates.pem(c));
    }

    public boolean expiredAt(Instant now) {
        return now.isAfter(notAfter) || now.isBefore(notBefore);
    }

    public boolean selfSigned() {
        return subject.equals(issuer);
    }

    static List<String> alternativeNames(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            var all = c.getSubjectAlternativeNames();
            if (all != null) {
                for (List<?> entry : all) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) { // dNSName, iPAddress
                        out.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable extension: no names to show, the handshake's own check decides
        }
        return out;
    }
}
