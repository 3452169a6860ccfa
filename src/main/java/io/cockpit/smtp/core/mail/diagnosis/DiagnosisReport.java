package io.cockpit.smtp.core.mail.diagnosis;

import java.util.List;

/**
 * The outcome of a connection check or a test email.
 *
 * @param failedStep the step that failed; null when everything passed
 * @param failure why; null when everything passed
 * @param transcript the SMTP conversation, "S: " / "C: " / "* " lines, every secret masked
 * @param tls null when no TLS was attempted
 * @param capabilities the last EHLO reply seen (after STARTTLS when there was one)
 * @param untrustedCertificate the server's certificate when it was refused, so it can be shown and pinned
 * @param messageId the test email's Message-ID; null for a check or when it was not accepted
 * @param testEmail the test email as it was handed to the server; null for a check or when none was built
 */
public record DiagnosisReport(boolean ok, List<StepResult> steps, Step failedStep, Failure failure, List<Hint> hints,
                              List<String> transcript, TlsReport tls, Capabilities capabilities,
                              CertificateInfo untrustedCertificate, String messageId, String lastReply,
                              TestEmail testEmail) {
    /** What was sent, for the outbox history. {@code messageId} is set even when the server refused it. */
    public record TestEmail(String to, String subject, String body, String messageId) {
    }

    public DiagnosisReport {
        steps = List.copyOf(steps);
        hints = List.copyOf(hints);
        transcript = List.copyOf(transcript);
    }

    public long totalMillis() {
        return steps.stream().mapToLong(StepResult::millis).sum();
    }
}
