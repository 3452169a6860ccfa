package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.mail.SmtpSessions;
import jakarta.mail.MessagingException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One attempt, step by step: name resolution and TCP probed by us, then Angus Mail's own transport for TLS, greeting,
 * EHLO and AUTH, then for a test email MAIL FROM, RCPT TO and DATA; the first failed step ends it. Not reusable: one
 * instance, one run.
 */
final class Diagnosis {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Diagnosis.class);

    private final GatewayConfig g;
    private final char[] secret;
    private final Cancellation cancellation;
    private final String host;
    private final StepLog steps;
    private final Transcript transcript;
    private final Findings findings = new Findings();

    /** @param secret the password (or token) in plain, null without authentication; the caller clears it */
    Diagnosis(GatewayConfig g, char[] secret, DiagnosisListener listener, Cancellation cancellation) {
        this.g = g;
        this.secret = secret;
        this.cancellation = cancellation;
        this.host = SmtpSessions.stripBrackets(g.server());
        this.steps = new StepLog(listener, cancellation);
        this.transcript = new Transcript(listener);
    }

    /**
     * @param recipient the test email's recipient; null for a check that sends nothing
     * @param content the test email's subject and body; null for the standard test email
     */
    DiagnosisReport run(String recipient, EmailContent content) {
        cancellation.bind(Thread.currentThread());
        SMTPTransport transport = null;
        try {
            List<InetAddress> addresses = NameLookup.resolve(host, g.connectTimeoutSeconds(), cancellation, steps);
            InetSocketAddress reached = TcpProbe.connect(addresses, g.port(), g.connectTimeoutSeconds(), cancellation,
                    steps);
            SessionSteps.Open smtp = new SessionSteps(g, host, secret, steps, transcript, cancellation, findings)
                    .open(reached);
            transport = smtp.transport();
            if (recipient != null) {
                new MessageSteps(g, steps, transcript, cancellation, findings).send(smtp, recipient, content);
            }
            return report(null, null);
        } catch (StepFailed stop) {
            return report(stop.step(), stop.failure());
        } finally {
            closeQuietly(transport);
            cancellation.unbind();
        }
    }

    private DiagnosisReport report(Step failedStep, Failure failure) {
        TlsReport tls = findings.tls;
        CertificateInfo untrusted = failure == Failure.CERT_UNTRUSTED && tls != null ? tls.leaf() : null;
        List<Hint> hints = HintRules.hints(g, failedStep, failure, findings.capabilities, tls,
                findings.speaksImplicitTls, findings.failedReply);
        LOG.info("diagnosis of gateway '{}' ({}:{}): {}", g.name(), host, g.port(),
                failure == null ? "all steps passed" : "failed at " + failedStep.id() + " (" + failure + ")");
        return new DiagnosisReport(failure == null, steps.results(), failedStep, failure, hints, transcript.display(),
                tls, findings.capabilities, untrusted, failure == null ? findings.messageId : null,
                findings.failedReply, findings.testEmail);
    }

    private static void closeQuietly(SMTPTransport t) {
        if (t != null) {
            try {
                t.close();
            } catch (MessagingException | RuntimeException e) {
                // the run is over; QUIT failing changes nothing
            }
        }
    }
}
