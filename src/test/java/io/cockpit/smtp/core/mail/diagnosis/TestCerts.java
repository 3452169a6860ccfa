package io.cockpit.smtp.core.mail.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Self-signed server certificates made with the JDK's keytool, one PKCS12 file each. */
public final class TestCerts {
    public static final String PASSWORD = "changeit";

    public record Cert(Path p12, X509Certificate certificate) {
        public SSLContext serverContext() {
            try (InputStream in = Files.newInputStream(p12)) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(in, PASSWORD.toCharArray());
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, PASSWORD.toCharArray());
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                return ctx;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCerts() {
    }

    /** A certificate for localhost and 127.0.0.1, valid now. */
    public static Cert localhost(Path dir, String name) {
        return generate(dir, name, "dns:localhost,ip:127.0.0.1", null, 30);
    }

    /**
     * @param san e.g. "dns:localhost,ip:127.0.0.1"
     * @param startDate keytool's -startdate (e.g. "-10d"), or null for now
     */
    public static Cert generate(Path dir, String name, String san, String startDate, int validityDays) {
        try {
            Path p12 = dir.resolve(name + ".p12");
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + name, "-ext", "SAN=" + san, "-validity", String.valueOf(validityDays),
                    "-keystore", p12.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD));
            if (startDate != null) {
                cmd.add("-startdate");
                cmd.add(startDate);
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                ks.load(in, PASSWORD.toCharArray());
            }
            return new Cert(p12, (X509Certificate) ks.getCertificate("server"));
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
