package io.cockpit.smtp.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** PEM in and out, and the SHA-256 fingerprint that names a pinned certificate. */
public final class TrustedCertificates {
    private TrustedCertificates() {
    }

    /** Parses every certificate in a PEM text. */
    public static List<X509Certificate> parse(String pem) throws ValidationException {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw ValidationException.of("trust-cert", Problem.CERTIFICATE_INVALID);
            }
            return out;
        } catch (CertificateException e) {
            throw ValidationException.of("trust-cert", Problem.CERTIFICATE_INVALID);
        }
    }

    public static TrustedCertificate of(X509Certificate cert) {
        return new TrustedCertificate(fingerprint(cert), pem(cert));
    }

    public static List<TrustedCertificate> fromPem(String pem) throws ValidationException {
        return parse(pem).stream().map(TrustedCertificates::of).toList();
    }

    static List<TrustedCertificate> fromPems(JsonNode array) throws ValidationException {
        List<TrustedCertificate> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode n : array) {
                out.addAll(fromPem(n.asText()));
            }
        }
        return out;
    }

    /** "sha256:AB:CD:..." of the DER encoding. */
    public static String fingerprint(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return "sha256:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (Exception e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    public static String pem(X509Certificate cert) {
        try {
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    public static String normalizeFingerprint(String s) {
        String hex = s.toUpperCase(Locale.ROOT).replace("SHA256:", "").replace(":", "");
        return "sha256:" + String.join(":", hex.split("(?<=\\G..)"));
    }
}
