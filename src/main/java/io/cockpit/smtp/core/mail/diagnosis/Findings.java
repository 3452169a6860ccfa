package io.cockpit.smtp.core.mail.diagnosis;

/** What one run learnt on the way, beyond its steps: the report is built from it, whether the run passed or not. */
final class Findings {
    /** The last EHLO reply seen (after STARTTLS when there was one). */
    Capabilities capabilities = Capabilities.NONE;
    /** Null when no TLS was attempted. */
    TlsReport tls;
    /** The implicit-TLS probe's answer after a silent greeting; null when not probed. */
    Boolean speaksImplicitTls;
    /** The server's reply to the command that failed, when the server refused it. */
    String failedReply;
    /** Set once the server accepted the test email. */
    String messageId;
    /** The test email as it was built; null for a check. */
    DiagnosisReport.TestEmail testEmail;
}
