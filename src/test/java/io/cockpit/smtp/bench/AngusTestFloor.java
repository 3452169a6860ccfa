package io.cockpit.smtp.bench;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The floor under the plain jar's {@code gateway test}, for src/test/scripts/startup-benchmark.sh: Angus Mail alone,
 * without the store, the command line or the diagnosis, sending one message over STARTTLS (required, the server's
 * certificate pinned, its name checked) with AUTH, from the console's own jar on the same JVM.
 *
 * <p>Usage: {@code LAB_PASSWORD=… java -cp cockpit-smtp.jar:test-classes io.cockpit.smtp.bench.AngusTestFloor HOST PORT
 * USER FROM TO CERT.pem}.
 */
public final class AngusTestFloor {
    private AngusTestFloor() {
    }

    public static void main(String[] a) throws Exception {
        KeyStore pinned = KeyStore.getInstance(KeyStore.getDefaultType());
        pinned.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(a[5]))) {
            pinned.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(pinned);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        Properties p = new Properties();
        p.put("mail.smtp.host", a[0]);
        p.put("mail.smtp.port", a[1]);
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.socketFactory", tls.getSocketFactory());
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(a[3]));
        m.setRecipients(Message.RecipientType.TO, a[4]);
        m.setSubject("test");
        m.setText("test");
        try (Transport t = session.getTransport("smtp")) {
            t.connect(a[2], System.getenv("LAB_PASSWORD"));
            t.sendMessage(m, m.getAllRecipients());
        }
    }
}
