package io.cockpit.smtp.core.mail.diagnosis;

import java.util.List;

/**
 * The TLS side of a connection.
 *
 * @param protocol e.g. TLSv1.3; null when the handshake did not complete
 * @param cipher the cipher suite; null when the handshake did not complete
 * @param chain the chain the server presented, leaf first (also when it was refused)
 * @param hostMatches whether the leaf certificate names the configured server
 * @param trusted whether the chain was accepted (system authorities or a pinned certificate)
 */
public record TlsReport(String protocol, String cipher, List<CertificateInfo> chain, boolean hostMatches,
                        boolean trusted) {
    public TlsReport {
        chain = List.copyOf(chain);
    }

    public CertificateInfo leaf() {
        return chain.isEmpty() ? null : chain.get(0);
    }
}
