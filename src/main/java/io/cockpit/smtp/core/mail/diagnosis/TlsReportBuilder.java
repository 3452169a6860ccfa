package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.mail.PinnedTrust;
import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The TLS side of a session once Angus is done: protocol, cipher and the chain from the socket, or the chain the trust
 * manager saw when the handshake was refused; a note of it in the transcript; and the TLS step's details.
 */
final class TlsReportBuilder {
    private TlsReportBuilder() {
    }

    /**
     * @param socket the last TLS socket Angus opened, or null
     * @param failure why the session failed, or null
     */
    static TlsReport build(SSLSocket socket, PinnedTrust trust, Failure failure, String host, boolean tlsFromFirstByte,
                           Transcript transcript) {
        String protocol = null;
        String cipher = null;
        List<X509Certificate> chain = new ArrayList<>();
        if (socket != null) {
            // On a closed socket getSession() starts nothing: it returns the negotiated session, or the null session
            // (SSL_NULL_WITH_NULL_NULL) after a failed handshake. On an open one after a failure it would start a
            // handshake, so it is not asked.
            SSLSession s = failure != null && !socket.isClosed() ? null : socket.getSession();
            if (s != null && !s.getCipherSuite().contains("_NULL_WITH_NULL")) {
                protocol = s.getProtocol();
                cipher = s.getCipherSuite();
                try {
                    for (Certificate c : s.getPeerCertificates()) {
                        chain.add((X509Certificate) c);
                    }
                } catch (IOException e) {
                    chain.clear();
                }
            }
        }
        if (chain.isEmpty()) {
            chain.addAll(trust.lastChain());
        }
        boolean hostMatches = !chain.isEmpty() && HostNameMatch.matches(chain.get(0), host);
        // A name mismatch is checked after the chain was accepted.
        boolean trusted = protocol != null || failure == Failure.CERT_NAME_MISMATCH;
        List<CertificateInfo> infos = chain.stream().map(CertificateInfo::of).toList();
        if (protocol == null && !infos.isEmpty()) {
            CertificateInfo leaf = infos.get(0);
            transcript.note("certificate presented: " + leaf.subject() + ", issued by " + leaf.issuer() + ", valid "
                    + leaf.notBefore() + " to " + leaf.notAfter() + ", " + leaf.fingerprint());
        }
        if (protocol != null) {
            transcript.noteWhereTlsStarted("TLS " + protocol + ", " + cipher + (infos.isEmpty() ? "" : ", certificate "
                    + infos.get(0).subject() + " (" + infos.get(0).fingerprint() + ")"), tlsFromFirstByte);
        }
        return new TlsReport(protocol, cipher, infos, hostMatches, trusted);
    }

    /**
     * The TLS step's details: the session or why the handshake failed, then the certificate and whether it names the
     * server.
     *
     * @param tls null when no handshake was attempted
     * @param error what ended the session, or null
     * @param failure what {@code error} means; null when there is none
     */
    static List<Detail> details(TlsReport tls, String host, Exception error, Failure failure) {
        List<Detail> out = new ArrayList<>();
        if (tls == null) {
            if (error != null) {
                out.add(ErrorText.detail(failure, error));
            }
            return out;
        }
        if (tls.protocol() != null) {
            out.add(Detail.of(Detail.Code.TLS_SESSION, tls.protocol(), tls.cipher()));
        } else {
            Failure meaning = failure != null ? failure : Failure.TLS_HANDSHAKE_FAILED;
            out.add(Detail.of(Detail.Code.HANDSHAKE_FAILED, ErrorText.detail(meaning, error)));
        }
        CertificateInfo leaf = tls.leaf();
        if (leaf != null) {
            out.add(Detail.of(Detail.Code.CERTIFICATE, leaf.subject(), leaf.issuer(), leaf.notBefore(), leaf.notAfter(),
                    leaf.fingerprint()));
            out.add(Detail.of(tls.hostMatches() ? Detail.Code.HOST_MATCHES : Detail.Code.HOST_MISMATCH, host));
        }
        return out;
    }
}
