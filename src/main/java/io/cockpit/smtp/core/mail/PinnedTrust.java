package io.cockpit.smtp.core.mail;

import io.cockpit.smtp.core.gateway.TrustedCertificate;
import io.cockpit.smtp.core.gateway.TrustedCertificates;
import io.cockpit.smtp.core.validation.ValidationException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust of one gateway: the system's authorities plus the certificates pinned to that gateway. Verification
 * is always on (PKIX chain checks; host-name checks are Angus's {@code checkserveridentity}); there is no trust-all.
 * The chain the server presented is kept, so a refusal can show the certificate to the administrator.
 */
public final class PinnedTrust {
    private final X509TrustManager system;
    private final X509TrustManager pinned; // null when nothing is pinned
    private final AtomicReference<X509Certificate[]> lastChain = new AtomicReference<>();
    private final SSLContext context;

    private PinnedTrust(List<TrustedCertificate> pins) throws GeneralSecurityException {
        this.system = SystemTrust.authorities();
        this.pinned = pins.isEmpty() ? null : SystemTrust.over(keyStore(pins));
        this.context = SSLContext.getInstance("TLS");
        this.context.init(null, new TrustManager[] {new Recording()}, null);
    }

    public static PinnedTrust of(List<TrustedCertificate> pins) {
        try {
            return new PinnedTrust(pins);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime: " + e.getMessage(), e);
        }
    }

    public SSLSocketFactory socketFactory() {
        return context.getSocketFactory();
    }

    public SSLContext context() {
        return context;
    }

    /** The chain presented by the server in the last handshake (also when it was refused); empty before any. */
    public List<X509Certificate> lastChain() {
        X509Certificate[] c = lastChain.get();
        return c == null ? List.of() : List.of(c);
    }

    private static KeyStore keyStore(List<TrustedCertificate> pins) throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (TrustedCertificate pin : pins) {
            try {
                for (X509Certificate cert : TrustedCertificates.parse(pin.pem())) {
                    ks.setCertificateEntry("pinned-" + i++, cert);
                }
            } catch (ValidationException e) {
                throw new CertificateException("pinned certificate " + pin.fingerprint() + " is unreadable");
            }
        }
        return ks;
    }

    /** System authorities first, then the pinned certificates; records the chain either way. */
    private final class Recording implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            lastChain.set(chain == null ? null : chain.clone());
            try {
                system.checkServerTrusted(chain, authType);
            } catch (CertificateException systemRefused) {
                if (pinned == null) {
                    throw systemRefused;
                }
                pinned.checkServerTrusted(chain, authType);
                // PKIX never checks a trust anchor's dates: a pinned self-signed certificate would be accepted
                // expired. Verification stays whole, so the dates are checked here.
                if (chain != null && chain.length > 0) {
                    chain[0].checkValidity();
                }
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(List.of(system.getAcceptedIssuers()));
            if (pinned != null) {
                all.addAll(List.of(pinned.getAcceptedIssuers()));
            }
            return all.toArray(new X509Certificate[0]);
        }
    }
}
