package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.gateway.TrustedCertificate;
import io.cockpit.smtp.core.mail.PinnedTrust;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * When a plain connection gets no greeting, asks whether the port speaks TLS from the first byte (an SSL port
 * configured as STARTTLS). It only starts a handshake, with the gateway's own verifying trust, and sends nothing else:
 * the answer is "yes" when the server presented a certificate, trusted or not.
 */
final class ImplicitTlsProbe {
    private ImplicitTlsProbe() {
    }

    static boolean speaksTls(InetSocketAddress address, String host, int connectMillis, int readMillis,
                             List<TrustedCertificate> pins, Cancellation cancellation) {
        PinnedTrust trust = PinnedTrust.of(pins);
        try (Socket plain = new Socket()) {
            cancellation.register(plain);
            plain.connect(address, connectMillis);
            plain.setSoTimeout(readMillis);
            try (SSLSocket ssl = (SSLSocket) trust.socketFactory().createSocket(plain, host, address.getPort(), true)) {
                ssl.startHandshake();
                return true;
            }
        } catch (IOException e) {
            return !trust.lastChain().isEmpty();
        }
    }
}
