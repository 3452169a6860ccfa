package io.cockpit.smtp.core.mail;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The Java runtime's certificate authorities, read once per process: reading and parsing the {@code cacerts} file
 * costs a cold JVM about a tenth of a second, which every gateway's trust ({@link PinnedTrust}) would otherwise pay
 * again. Like the runtime's own default context, a change to {@code cacerts} is seen by the next process.
 */
final class SystemTrust {
    private SystemTrust() {
    }

    static X509TrustManager authorities() throws GeneralSecurityException {
        try {
            return Holder.AUTHORITIES;
        } catch (ExceptionInInitializerError e) {
            throw new GeneralSecurityException("the runtime's certificate authorities cannot be read", e.getCause());
        }
    }

    /** A trust manager over {@code ks} ({@code null}: the runtime's authorities, read again). */
    static X509TrustManager over(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager");
    }

    private static final class Holder {
        static final X509TrustManager AUTHORITIES = read();

        private static X509TrustManager read() {
            try {
                return over(null);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
