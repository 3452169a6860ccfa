package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.mail.AuthNotOfferedException;
import io.cockpit.smtp.core.mail.PinnedTrust;
import io.cockpit.smtp.core.mail.SmtpConnector;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * TLS, greeting, EHLO and AUTH: one {@code connect()} of Angus's own transport, as sending does it, then each step
 * placed, timed and judged from the transcript it left and the exception it threw.
 */
final class SessionSteps {
    /** A session that passed every step: ready for the test email, closed by the caller. */
    record Open(Session session, SMTPTransport transport) {
    }

    private final GatewayConfig g;
    private final String host;
    private final char[] secret;
    private final StepLog steps;
    private final Transcript transcript;
    private final Cancellation cancellation;
    private final Findings findings;

    SessionSteps(GatewayConfig g, String host, char[] secret, StepLog steps, Transcript transcript,
                 Cancellation cancellation, Findings findings) {
        this.g = g;
        this.host = host;
        this.secret = secret;
        this.steps = steps;
        this.transcript = transcript;
        this.cancellation = cancellation;
        this.findings = findings;
    }

    /** @param reached the address the TCP step connected to (for the implicit-TLS probe) */
    Open open(InetSocketAddress reached) throws StepFailed {
        Step first = g.security() == Security.SSL ? Step.TLS : Step.GREETING;
        steps.checkNotCancelled(first);
        PinnedTrust trust = PinnedTrust.of(g.trustedCertificates());
        RecordingSockets sockets = new RecordingSockets(cancellation, trust.socketFactory());
        Session session = DebuggedSession.open(g, trust, sockets, secret, this::onLine);

        steps.started(first);
        transcript.note("connecting to " + host + " port " + g.port() + " (security " + g.security().cliName() + ")");
        long t0 = System.nanoTime();
        SMTPTransport transport = null;
        Exception error = null;
        try {
            transport = SmtpConnector.connect(session, g, secret);
        } catch (MessagingException | RuntimeException e) {
            error = e;
        }
        long tEnd = System.nanoTime();
        SessionTimeline seen = SessionTimeline.read(transcript.snapshot());
        findings.capabilities = seen.last();

        Step failed = null;
        Failure failure = null;
        if (error != null) {
            failed = failedStep(error, seen);
            failure = judge(error, failed, seen, reached);
        }
        if (g.security() != Security.NONE && (g.security() == Security.SSL || seen.startTls() != 0)) {
            findings.tls = TlsReportBuilder.build(sockets.lastSsl(), trust, failure, host,
                    g.security() == Security.SSL, transcript);
        }
        recordSteps(seen, t0, tEnd, failed, failure, error);
        if (failed != null) {
            throw new StepFailed(failed, failure);
        }
        return new Open(session, transport);
    }

    /** Each masked line as Angus writes it; STARTTLS and AUTH start their steps for the listener. */
    private void onLine(TranscriptLine line) {
        transcript.add(line);
        if (line.kind() == TranscriptLine.Kind.CLIENT) {
            if (line.text().equalsIgnoreCase("STARTTLS")) {
                steps.started(Step.TLS);
            } else if (line.text().startsWith("AUTH")) {
                steps.started(Step.AUTH);
            }
        }
    }

    private Step failedStep(Exception error, SessionTimeline seen) {
        if (error instanceof AuthNotOfferedException || error instanceof AuthenticationFailedException) {
            return Step.AUTH;
        }
        if (seen.auth() != 0 && g.auth() != Authentication.NONE) {
            return Step.AUTH;
        }
        return switch (g.security()) {
            case SSL -> seen.firstServer() == 0 ? Step.TLS : Step.GREETING;
            case STARTTLS -> seen.startTls() != 0 || String.valueOf(error.getMessage()).contains("STARTTLS is required")
                    ? Step.TLS : Step.GREETING;
            default -> Step.GREETING;
        };
    }

    /** What the failure means; asks whether a silent port speaks TLS, and keeps the server's refusal. */
    private Failure judge(Exception error, Step failed, SessionTimeline seen, InetSocketAddress reached) {
        Failure failure = cancellation.stopRequested() ? Failure.CANCELLED : FailureClassifier.classify(error, failed);
        if (failure == Failure.PROTOCOL_ERROR && failed == Step.GREETING && seen.lastServerLineIsError()) {
            failure = Failure.GREETING_REFUSED;
        }
        if (failure == Failure.SERVER_SILENT && failed == Step.GREETING && seen.firstServer() == 0
                && g.security() != Security.SSL && !cancellation.stopRequested()) {
            transcript.note("no greeting: asking whether the port speaks TLS from the first byte");
            findings.speaksImplicitTls = ImplicitTlsProbe.speaksTls(reached, host, g.connectTimeoutSeconds() * 1000,
                    g.readTimeoutSeconds() * 1000, g.trustedCertificates(), cancellation);
        }
        transcript.note("error: " + ErrorText.of(error));
        // Only a refusal by the server is its reply; a TLS or network failure is not about the last line seen.
        if (failure == Failure.AUTH_REJECTED || failure == Failure.GREETING_REFUSED || failure == Failure.PROTOCOL_ERROR) {
            findings.failedReply = seen.lastServerLine();
        }
        return failure;
    }

    /** The steps inside the connect, in the order the security mode runs them, each from one mark to the next. */
    private void recordSteps(SessionTimeline seen, long t0, long tEnd, Step failed, Failure failure, Exception error) {
        long tAuth = seen.auth() != 0 ? seen.auth() : tEnd;
        List<Detail> greeting = failed == Step.GREETING ? List.of(ErrorText.detail(failure, error))
                : greetingDetails(seen);
        List<Detail> tls = TlsReportBuilder.details(findings.tls, host, error, failure);
        List<Step> order;
        switch (g.security()) {
            case SSL -> {
                order = List.of(Step.TLS, Step.GREETING, Step.AUTH);
                long tTls = seen.firstServer() != 0 ? seen.firstServer() : tEnd;
                record(order, Step.TLS, t0, tTls, failed, failure, tls);
                record(order, Step.GREETING, tTls, tAuth, failed, failure, greeting);
            }
            case STARTTLS -> {
                order = List.of(Step.GREETING, Step.TLS, Step.AUTH);
                long tGreetEnd = seen.startTls() != 0 ? seen.startTls() : tEnd;
                record(order, Step.GREETING, t0, tGreetEnd, failed, failure, greeting);
                List<Detail> secured = new ArrayList<>(tls);
                if (failed == null || failed == Step.AUTH) {
                    secured.add(Detail.of(Detail.Code.EHLO_AFTER_TLS, extensions(findings.capabilities)));
                }
                record(order, Step.TLS, tGreetEnd, tAuth, failed, failure, secured);
            }
            default -> {
                order = List.of(Step.GREETING, Step.AUTH);
                record(order, Step.GREETING, t0, tAuth, failed, failure, greeting);
            }
        }
        if (g.auth() != Authentication.NONE) {
            record(order, Step.AUTH, tAuth, tEnd, failed, failure, authDetails(seen, error, failure));
        }
    }

    /** Records a step that ran from {@code from} to {@code to}, unless the run had already failed before it. */
    private void record(List<Step> order, Step step, long from, long to, Step failed, Failure failure,
                        List<Detail> details) {
        if (failed != null && order.indexOf(failed) < order.indexOf(step)) {
            return; // never reached
        }
        long millis = StepLog.millis(from, to);
        steps.add(step == failed ? StepResult.failed(step, millis, details, failure)
                : StepResult.passed(step, millis, details));
    }

    /** The greeting, then what EHLO advertised before TLS (STARTTLS) or at all. */
    private List<Detail> greetingDetails(SessionTimeline seen) {
        Detail greeting = seen.greeting() == null ? Detail.of(Detail.Code.NO_GREETING)
                : Detail.of(Detail.Code.GREETING, seen.greeting());
        Detail ehlo = seen.ehlo().isEmpty() ? Detail.of(Detail.Code.NO_REPLY)
                : extensions(g.security() == Security.STARTTLS ? seen.before() : findings.capabilities);
        return List.of(greeting, Detail.of(Detail.Code.EHLO, ehlo));
    }

    private static Detail extensions(Capabilities caps) {
        List<String> shown = caps.summary();
        return shown.isEmpty() ? Detail.of(Detail.Code.NO_EXTENSIONS) : Detail.of(Detail.Code.EXTENSIONS, shown);
    }

    private List<Detail> authDetails(SessionTimeline seen, Exception error, Failure failure) {
        if (error instanceof AuthNotOfferedException) {
            List<String> offered = findings.capabilities.authMechanisms();
            return List.of(Detail.of(Detail.Code.AUTH_NOT_OFFERED, g.auth(), offered.isEmpty()
                    ? Detail.of(Detail.Code.NO_MECHANISM) : Detail.of(Detail.Code.MECHANISMS, offered)));
        }
        String mechanism = seen.authMechanism();
        if (mechanism.isEmpty() && g.auth() == Authentication.OAUTH2) {
            mechanism = "XOAUTH2";
        }
        String reply = seen.authReply();
        Detail outcome = reply != null ? Detail.of(Detail.Code.SERVER_REPLY, reply)
                : error == null ? Detail.of(Detail.Code.AUTH_ACCEPTED) : ErrorText.detail(failure, error);
        return List.of(mechanism.isEmpty() ? outcome : Detail.of(Detail.Code.AUTH, mechanism, outcome));
    }
}
