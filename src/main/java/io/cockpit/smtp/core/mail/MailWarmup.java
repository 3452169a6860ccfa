package io.cockpit.smtp.core.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a cold JVM ready to talk to a mail server while a one-shot command does its other start-up work (parsing its
 * command line, opening the store): reads the runtime's certificate authorities ({@link SystemTrust}, kept), and loads
 * what the first TLS handshake and the first message load, by writing a client hello to nowhere and a message to
 * nowhere. Nothing touches the network. On a machine with a spare core this takes the class loading of TLS and MIME
 * (several hundred milliseconds for a cold JVM) off the command's path; at worst it loads them earlier.
 */
public final class MailWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(MailWarmup.class);

    private MailWarmup() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void startInBackground() {
        Thread t = new Thread(MailWarmup::warm, "cockpit-mail-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void warm() {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {SystemTrust.authorities()}, null);
            SSLEngine engine = ssl.createSSLEngine("warmup.invalid", 587);
            engine.setUseClientMode(true);
            engine.beginHandshake();
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
            engine.closeOutbound();

            Properties p = new Properties();
            p.put("mail.mime.allowutf8", "true");
            MimeMessage m = new MimeMessage(Session.getInstance(p));
            m.setFrom(new InternetAddress("warmup@warmup.invalid", "Warm-up"));
            m.setRecipients(MimeMessage.RecipientType.TO, "warmup@warmup.invalid");
            m.setSubject("warm-up", "UTF-8");
            m.setSentDate(new Date());
            m.setText("warm-up é", "UTF-8");
            m.saveChanges();
            m.writeTo(OutputStream.nullOutputStream());
            Class.forName("org.eclipse.angus.mail.smtp.SMTPTransport");
        } catch (Exception | LinkageError e) {
            // Only time is at stake: the command does the same work itself and reports what fails.
            LOG.debug("mail warm-up stopped", e);
        }
    }
}
