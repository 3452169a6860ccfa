package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.mail.AuthNotOfferedException;
import jakarta.mail.AuthenticationFailedException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Turns what Angus and the JDK threw into a {@link Failure} code, by the exception types in the cause chain. */
final class FailureClassifier {
    private FailureClassifier() {
    }

    static Failure classify(Throwable t, Step step) {
        if (t instanceof AuthNotOfferedException) {
            return Failure.AUTH_NOT_OFFERED;
        }
        if (t instanceof AuthenticationFailedException) {
            return Failure.AUTH_REJECTED;
        }
        boolean handshake = false;
        boolean ssl = false;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String msg = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (c instanceof CertificateExpiredException || c instanceof CertificateNotYetValidException) {
                return Failure.CERT_EXPIRED;
            }
            if (c instanceof CertPathBuilderException || msg.contains("pkix path") || msg.contains("unable to find valid certification path")) {
                return Failure.CERT_UNTRUSTED;
            }
            if (c instanceof CertPathValidatorException v && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return Failure.CERT_EXPIRED;
            }
            if (msg.contains("no subject alternative") || msg.contains("no name matching")) {
                return Failure.CERT_NAME_MISMATCH;
            }
            if (msg.contains("starttls is required")) {
                return Failure.STARTTLS_NOT_OFFERED;
            }
            if (msg.contains("unsupported or unrecognized ssl message") || msg.contains("plaintext connection")) {
                return Failure.TLS_NOT_SPOKEN;
            }
            if (c instanceof SocketTimeoutException) {
                return step == Step.CONNECT ? Failure.CONNECT_TIMEOUT : Failure.SERVER_SILENT;
            }
            if (c instanceof UnknownHostException) {
                return Failure.NAME_NOT_RESOLVED;
            }
            if (c instanceof ConnectException) {
                return Failure.CONNECTION_REFUSED;
            }
            if (c instanceof NoRouteToHostException) {
                return Failure.NETWORK_UNREACHABLE;
            }
            handshake |= c instanceof SSLHandshakeException;
            ssl |= c instanceof SSLException;
            if (c instanceof EOFException || (c instanceof SocketException && !ssl)) {
                return handshake ? Failure.TLS_HANDSHAKE_FAILED : Failure.CONNECTION_LOST;
            }
        }
        if (handshake || ssl || step == Step.TLS) {
            return Failure.TLS_HANDSHAKE_FAILED;
        }
        return Failure.PROTOCOL_ERROR;
    }
}
