package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.mail.SmtpSessions;
import io.cockpit.smtp.core.mail.WireAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;

/**
 * MAIL FROM, RCPT TO and DATA: the test email handed to Angus's transport in one {@code sendMessage()}, as sending
 * does, then each step judged and timed from the server's replies in the transcript.
 */
final class MessageSteps {
    private final GatewayConfig g;
    private final StepLog steps;
    private final Transcript transcript;
    private final Cancellation cancellation;
    private final Findings findings;

    MessageSteps(GatewayConfig g, StepLog steps, Transcript transcript, Cancellation cancellation, Findings findings) {
        this.g = g;
        this.steps = steps;
        this.transcript = transcript;
        this.cancellation = cancellation;
        this.findings = findings;
    }

    /** @param given the test email's subject and body; null for the standard test email */
    void send(SessionSteps.Open smtp, String recipient, EmailContent given) throws StepFailed {
        long t0 = steps.begin(Step.MAIL_FROM);
        int from = transcript.size();
        MimeMessage message;
        Instant now = Instant.now();
        try {
            EmailContent content = given != null ? given : new EmailContent(TestMessage.SUBJECT, TestMessage.text(g, now));
            message = TestMessage.build(SmtpSessions.forHeaders(smtp.session(), utf8Address(recipient) != null), g,
                    recipient, now, content);
            findings.testEmail = new DiagnosisReport.TestEmail(recipient, content.subject(), content.body(),
                    message.getMessageID());
        } catch (MessagingException e) {
            throw steps.fail(Step.MAIL_FROM, t0, System.nanoTime(),
                    List.of(Detail.of(Detail.Code.MESSAGE_NOT_BUILT, ErrorText.of(e))), Failure.PROTOCOL_ERROR);
        }
        String utf8Address = utf8Address(recipient);
        if (utf8Address != null && !smtp.transport().supportsExtension("SMTPUTF8")) {
            // Sending anyway would mangle the local part into another mailbox's name.
            throw steps.fail(Step.MAIL_FROM, t0, System.nanoTime(),
                    List.of(Detail.of(Detail.Code.SMTPUTF8_NOT_OFFERED, utf8Address)), Failure.SMTPUTF8_NOT_OFFERED);
        }
        Exception error = null;
        try {
            smtp.transport().sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            error = e;
        }
        long tEnd = System.nanoTime();
        SendReplies r = SendReplies.read(transcript.since(from));
        boolean cancelled = cancellation.stopRequested();

        long tMail = r.mail != null ? r.mail.nanos() : tEnd;
        if (r.mail == null || !r.mail.text().startsWith("2")) {
            throw failed(Step.MAIL_FROM, t0, tMail, r.mailCommand, r.mail, error, Failure.SENDER_REFUSED, cancelled);
        }
        steps.pass(Step.MAIL_FROM, t0, tMail, List.of(exchange(r.mailCommand, reply(r.mail.text()))));

        steps.started(Step.RCPT_TO);
        TranscriptLine badRcpt = r.rcpts.stream().filter(l -> !l.text().startsWith("2")).findFirst().orElse(null);
        long tRcpt = r.rcpts.isEmpty() ? tEnd : r.rcpts.get(r.rcpts.size() - 1).nanos();
        if (r.rcpts.isEmpty() || badRcpt != null) {
            throw failed(Step.RCPT_TO, tMail, tRcpt, List.copyOf(r.rcptCommands), badRcpt, error,
                    Failure.RECIPIENT_REFUSED, cancelled);
        }
        steps.pass(Step.RCPT_TO, tMail, tRcpt, List.of(exchange(List.copyOf(r.rcptCommands),
                reply(r.rcpts.stream().map(TranscriptLine::text).toList()))));

        steps.started(Step.DATA);
        TranscriptLine last = r.end != null ? r.end : r.data;
        long tData = last != null ? last.nanos() : tEnd;
        boolean dataOk = r.data != null && r.data.text().startsWith("354") && r.end != null && r.end.text().startsWith("2");
        if (!dataOk || error != null) {
            throw failed(Step.DATA, tRcpt, tData, "DATA", last != null && !last.text().startsWith("2") ? last : null,
                    error, Failure.MESSAGE_REFUSED, cancelled);
        }
        try {
            findings.messageId = message.getMessageID();
        } catch (MessagingException e) {
            findings.messageId = null;
        }
        steps.pass(Step.DATA, tRcpt, tData, List.of(exchange("DATA", reply(r.data.text())),
                Detail.of(Detail.Code.MESSAGE_REPLY, r.end.text())));
    }

    private String utf8Address(String recipient) {
        return java.util.stream.Stream.of(g.from(), g.replyTo(), recipient).filter(WireAddress::needsSmtpUtf8)
                .findFirst().orElse(null);
    }

    /**
     * Ends the run at a sending step that got a refusal, no reply, or an error.
     *
     * @param command the line sent, or the lines ({@code List<String>})
     */
    private StepFailed failed(Step step, long from, long to, Object command, TranscriptLine reply, Exception error,
                              Failure refused, boolean cancelled) {
        Failure f;
        Detail detail;
        if (cancelled) {
            f = Failure.CANCELLED;
            detail = Detail.of(Detail.Code.CANCELLED);
        } else if (reply != null && !reply.text().startsWith("2") && !reply.text().startsWith("354")) {
            f = refused;
            findings.failedReply = reply.text();
            detail = exchange(command, reply(reply.text()));
        } else {
            f = error == null ? Failure.PROTOCOL_ERROR : FailureClassifier.classify(error, step);
            detail = exchange(command, error == null ? Detail.of(Detail.Code.NO_REPLY) : ErrorText.detail(f, error));
        }
        StepFailed stop = steps.fail(step, from, to, List.of(detail), f);
        if (error != null) {
            transcript.note("error: " + ErrorText.of(error));
        }
        return stop;
    }

    private static Detail exchange(Object command, Detail reply) {
        return Detail.of(Detail.Code.EXCHANGE, command, reply);
    }

    /** @param text one reply line, or the lines ({@code List<String>}) */
    private static Detail reply(Object text) {
        return Detail.of(Detail.Code.SERVER_REPLY, text);
    }
}
