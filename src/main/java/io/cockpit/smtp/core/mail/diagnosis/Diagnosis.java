package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.mail.AuthNotOfferedException;
import io.cockpit.smtp.core.mail.PinnedTrust;
import io.cockpit.smtp.core.mail.SmtpConnector;
import io.cockpit.smtp.core.mail.SmtpSessions;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One attempt, step by step: name resolution, TCP, then Angus Mail's own transport for TLS, greeting, EHLO and AUTH,
 * then for a test email MAIL FROM, RCPT TO and DATA. The steps inside Angus's connect are placed and timed from its
 * (masked) debug transcript. Not reusable: one instance, one run.
 */
final class Diagnosis {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Diagnosis.class);

    private final GatewayConfig g;
    private final char[] secret;
    private final DiagnosisListener listener;
    private final Cancellation cancellation;
    private final String host;
    private final List<StepResult> steps = new ArrayList<>();
    private final List<TranscriptLine> lines = new ArrayList<>();
    private InetSocketAddress reached;
    private TlsReport tls;
    private Capabilities caps = Capabilities.NONE;
    private Boolean speaksImplicitTls;
    private String failedReply;
    private String messageId;
    private DiagnosisReport.TestEmail testEmail;

    /** @param secret the password (or token) in plain, null without authentication; the caller clears it */
    Diagnosis(GatewayConfig g, char[] secret, DiagnosisListener listener, Cancellation cancellation) {
        this.g = g;
        this.secret = secret;
        this.listener = listener;
        this.cancellation = cancellation;
        this.host = SmtpSessions.stripBrackets(g.server());
    }

    /** @param recipient the test email's recipient; null for a check that sends nothing */
    DiagnosisReport run(String recipient) {
        return run(recipient, null);
    }

    /** @param content the test email's subject and body; null for the standard test email */
    DiagnosisReport run(String recipient, EmailContent content) {
        cancellation.bind(Thread.currentThread());
        SMTPTransport transport = null;
        try {
            List<InetAddress> addresses = resolve();
            reached = connect(addresses);
            Smtp smtp = smtp();
            transport = smtp.transport;
            if (recipient != null) {
                send(smtp, recipient, content);
            }
            return report(null, null);
        } catch (Stop stop) {
            return report(stop.step, stop.failure);
        } finally {
            closeQuietly(transport);
            cancellation.unbind();
        }
    }

    // ---- resolve ------------------------------------------------------------------------------------------------

    private List<InetAddress> resolve() throws Stop {
        long t0 = begin(Step.RESOLVE);
        // The system resolver has no timeout of ours: ask on a side thread and stop waiting after the connect timeout.
        FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> InetAddress.getAllByName(host));
        Thread thread = new Thread(lookup, "diagnosis-dns");
        thread.setDaemon(true);
        thread.start();
        cancellation.register(() -> lookup.cancel(true));
        try {
            InetAddress[] found = lookup.get(g.connectTimeoutSeconds(), TimeUnit.SECONDS);
            pass(Step.RESOLVE, t0, Arrays.stream(found).map(InetAddress::getHostAddress).collect(Collectors.joining(", ")));
            return List.of(found);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw fail(Step.RESOLVE, t0, "no answer from the name service within " + g.connectTimeoutSeconds() + " s",
                    Failure.NAME_NOT_RESOLVED);
        } catch (ExecutionException e) {
            throw fail(Step.RESOLVE, t0, "unknown host " + host, Failure.NAME_NOT_RESOLVED);
        } catch (InterruptedException | CancellationException e) {
            throw fail(Step.RESOLVE, t0, "cancelled", Failure.CANCELLED);
        }
    }

    // ---- TCP ----------------------------------------------------------------------------------------------------

    private InetSocketAddress connect(List<InetAddress> addresses) throws Stop {
        long t0 = begin(Step.CONNECT);
        List<String> tried = new ArrayList<>();
        Failure last = Failure.NETWORK_UNREACHABLE;
        for (InetAddress a : addresses) {
            InetSocketAddress target = new InetSocketAddress(a, g.port());
            try (Socket s = new Socket()) {
                cancellation.register(s);
                s.connect(target, g.connectTimeoutSeconds() * 1000);
                tried.add(a.getHostAddress() + " port " + g.port() + ": connected");
                pass(Step.CONNECT, t0, String.join("; ", tried));
                return target;
            } catch (IOException e) {
                if (cancellation.stopRequested()) {
                    throw fail(Step.CONNECT, t0, "cancelled", Failure.CANCELLED);
                }
                last = FailureClassifier.classify(e, Step.CONNECT);
                tried.add(a.getHostAddress() + " port " + g.port() + ": " + describe(e));
            }
        }
        throw fail(Step.CONNECT, t0, String.join("; ", tried), last);
    }

    // ---- TLS, greeting, EHLO, AUTH through Angus ---------------------------------------------------------------

    private record Smtp(Session session, SMTPTransport transport) {
    }

    private Smtp smtp() throws Stop {
        Step first = g.security() == Security.SSL ? Step.TLS : Step.GREETING;
        check(first);
        PinnedTrust trust = PinnedTrust.of(g.trustedCertificates());
        RecordingSockets sockets = new RecordingSockets(cancellation, trust.socketFactory());
        Properties props = SmtpSessions.properties(g, trust);
        String k = "mail." + SmtpSessions.protocol(g) + ".";
        props.put(k + "ssl.socketFactory", sockets.ssl());
        props.put(k + "socketFactory", sockets.plain());
        // Without this, a refused handshake is silently retried with the JDK's default factory.
        props.put(k + "socketFactory.fallback", "false");
        props.put("mail.debug.auth", String.valueOf(authTraceStaysPrivate()));
        if (g.from() != null && !g.from().isBlank()) {
            // The Message-ID takes its domain from here (else "user@localhost" of the machine).
            props.put("mail.from", g.from());
        }
        Session session = Session.getInstance(props);
        TranscriptMasker masker = new TranscriptMasker(this::onLine, secretForms());
        session.setDebugOut(new PrintStream(masker, true, StandardCharsets.UTF_8));
        session.setDebug(true);

        listener.stepStarted(first);
        note("connecting to " + host + " port " + g.port() + " (security " + g.security().cliName() + ")");
        long t0 = System.nanoTime();
        SMTPTransport transport = null;
        Exception error = null;
        try {
            transport = SmtpConnector.connect(session, g, secret);
        } catch (MessagingException | RuntimeException e) {
            error = e;
        }
        long tEnd = System.nanoTime();
        List<TranscriptLine> seen = snapshot();
        long tStartTls = firstClient(seen, "STARTTLS");
        long tAuth = authStart(seen);
        long tFirstServer = seen.stream().filter(l -> l.kind() == TranscriptLine.Kind.SERVER)
                .mapToLong(TranscriptLine::nanos).findFirst().orElse(0);
        List<List<String>> ehlo = ehloReplies(seen);
        String greeting = seen.stream().filter(l -> l.kind() == TranscriptLine.Kind.SERVER)
                .map(TranscriptLine::text).findFirst().orElse(null);
        Capabilities before = ehlo.isEmpty() ? Capabilities.parse(greeting, List.of()) : Capabilities.parse(greeting, ehlo.get(0));
        caps = ehlo.isEmpty() ? before : Capabilities.parse(greeting, ehlo.get(ehlo.size() - 1));

        Step failed = null;
        Failure failure = null;
        if (error != null) {
            failed = failedStep(error, tStartTls, tAuth, tFirstServer);
            failure = cancellation.stopRequested() ? Failure.CANCELLED : FailureClassifier.classify(error, failed);
            if (failure == Failure.PROTOCOL_ERROR && failed == Step.GREETING && lastServerIsError(seen)) {
                failure = Failure.GREETING_REFUSED;
            }
            if (failure == Failure.SERVER_SILENT && failed == Step.GREETING && tFirstServer == 0
                    && g.security() != Security.SSL && !cancellation.stopRequested()) {
                note("no greeting: asking whether the port speaks TLS from the first byte");
                speaksImplicitTls = ImplicitTlsProbe.speaksTls(reached, host, g.connectTimeoutSeconds() * 1000,
                        g.readTimeoutSeconds() * 1000, g.trustedCertificates(), cancellation);
            }
            note("error: " + describe(error));
            // Only a refusal by the server is its reply; a TLS or network failure is not about the last line seen.
            if (failure == Failure.AUTH_REJECTED || failure == Failure.GREETING_REFUSED
                    || failure == Failure.PROTOCOL_ERROR) {
                failedReply = lastServerLine(seen);
            }
        }
        if (g.security() != Security.NONE && (g.security() == Security.SSL || tStartTls != 0)) {
            tls = tlsReport(sockets.lastSsl(), trust, failure);
        }

        String detailGreeting = (greeting == null ? "no greeting" : greeting) + "; EHLO: "
                + (ehlo.isEmpty() ? "no reply" : (g.security() == Security.STARTTLS ? before : caps).summary());
        switch (g.security()) {
            case SSL -> {
                long tTls = tFirstServer != 0 ? tFirstServer : tEnd;
                record(Step.TLS, t0, tTls, failed, failure, tlsDetail(error));
                long tGreetEnd = tAuth != 0 ? tAuth : tEnd;
                record(Step.GREETING, tTls, tGreetEnd, failed, failure, failed == Step.GREETING ? describe(error) : detailGreeting);
            }
            case STARTTLS -> {
                long tGreetEnd = tStartTls != 0 ? tStartTls : tEnd;
                record(Step.GREETING, t0, tGreetEnd, failed, failure, failed == Step.GREETING ? describe(error) : detailGreeting);
                record(Step.TLS, tGreetEnd, tAuth != 0 ? tAuth : tEnd, failed, failure, tlsDetail(error)
                        + (failed == null || failed == Step.AUTH ? "; EHLO after TLS: " + caps.summary() : ""));
            }
            default -> record(Step.GREETING, t0, tAuth != 0 ? tAuth : tEnd, failed, failure,
                    failed == Step.GREETING ? describe(error) : detailGreeting);
        }
        if (g.auth() != Authentication.NONE) {
            record(Step.AUTH, tAuth != 0 ? tAuth : tEnd, tEnd, failed, failure, authDetail(seen, tAuth, error));
        }
        if (failed != null) {
            throw new Stop(failed, failure);
        }
        return new Smtp(session, transport);
    }

    private Step failedStep(Exception error, long tStartTls, long tAuth, long tFirstServer) {
        if (error instanceof AuthNotOfferedException || error instanceof AuthenticationFailedException) {
            return Step.AUTH;
        }
        if (tAuth != 0 && g.auth() != Authentication.NONE) {
            return Step.AUTH;
        }
        return switch (g.security()) {
            case SSL -> tFirstServer == 0 ? Step.TLS : Step.GREETING;
            case STARTTLS -> tStartTls != 0 || String.valueOf(error.getMessage()).contains("STARTTLS is required")
                    ? Step.TLS : Step.GREETING;
            default -> Step.GREETING;
        };
    }

    /** Records a step that ran from {@code from} to {@code to}, unless the run had already failed before it. */
    private void record(Step step, long from, long to, Step failed, Failure failure, String detail) {
        List<Step> order = switch (g.security()) {
            case SSL -> List.of(Step.TLS, Step.GREETING, Step.AUTH);
            case STARTTLS -> List.of(Step.GREETING, Step.TLS, Step.AUTH);
            default -> List.of(Step.GREETING, Step.AUTH);
        };
        if (failed != null && order.indexOf(failed) < order.indexOf(step)) {
            return; // never reached
        }
        long millis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(to - from));
        StepResult r = step == failed ? StepResult.failed(step, millis, detail, failure)
                : StepResult.passed(step, millis, detail);
        steps.add(r);
        listener.stepFinished(r);
    }

    private TlsReport tlsReport(SSLSocket socket, PinnedTrust trust, Failure failure) {
        String protocol = null;
        String cipher = null;
        List<X509Certificate> chain = new ArrayList<>();
        if (socket != null) {
            // On a closed socket getSession() starts nothing: it returns the negotiated session, or the null session
            // (SSL_NULL_WITH_NULL_NULL) after a failed handshake. On an open one after a failure it would start a
            // handshake, so it is not asked.
            SSLSession s = failure != null && !socket.isClosed() ? null : socket.getSession();
            if (s != null && !s.getCipherSuite().contains("_NULL_WITH_NULL")) {
                protocol = s.getProtocol();
                cipher = s.getCipherSuite();
                try {
                    for (Certificate c : s.getPeerCertificates()) {
                        chain.add((X509Certificate) c);
                    }
                } catch (IOException e) {
                    chain.clear();
                }
            }
        }
        if (chain.isEmpty()) {
            chain.addAll(trust.lastChain());
        }
        boolean hostMatches = !chain.isEmpty() && HostNameMatch.matches(chain.get(0), host);
        // A name mismatch is checked after the chain was accepted.
        boolean trusted = protocol != null || failure == Failure.CERT_NAME_MISMATCH;
        List<CertificateInfo> infos = chain.stream().map(CertificateInfo::of).toList();
        if (protocol == null && !infos.isEmpty()) {
            CertificateInfo leaf = infos.get(0);
            note("certificate presented: " + leaf.subject() + ", issued by " + leaf.issuer() + ", valid "
                    + leaf.notBefore() + " to " + leaf.notAfter() + ", " + leaf.fingerprint());
        }
        if (protocol != null) {
            noteAfterTlsStart("TLS " + protocol + ", " + cipher + (infos.isEmpty() ? "" : ", certificate "
                    + infos.get(0).subject() + " (" + infos.get(0).fingerprint() + ")"));
        }
        return new TlsReport(protocol, cipher, infos, hostMatches, trusted);
    }

    private String tlsDetail(Exception error) {
        if (tls == null) {
            return error == null ? "" : describe(error);
        }
        StringBuilder sb = new StringBuilder();
        if (tls.protocol() != null) {
            sb.append(tls.protocol()).append(", ").append(tls.cipher());
        } else {
            sb.append("handshake failed: ").append(describe(error));
        }
        CertificateInfo leaf = tls.leaf();
        if (leaf != null) {
            sb.append("; certificate ").append(leaf.subject()).append(", issued by ").append(leaf.issuer())
                    .append(", valid ").append(leaf.notBefore()).append(" to ").append(leaf.notAfter())
                    .append(", ").append(leaf.fingerprint())
                    .append("; host name ").append(tls.hostMatches() ? "matches" : "does not match")
                    .append(" ").append(host);
        }
        return sb.toString();
    }

    private String authDetail(List<TranscriptLine> seen, long tAuth, Exception error) {
        if (error instanceof AuthNotOfferedException) {
            return "configured " + g.auth().name().toLowerCase(Locale.ROOT) + " authentication not offered (AUTH: "
                    + (caps.authMechanisms().isEmpty() ? "none" : String.join(" ", caps.authMechanisms())) + ")";
        }
        String mechanism = seen.stream().filter(l -> l.kind() == TranscriptLine.Kind.CLIENT && l.text().startsWith("AUTH"))
                .map(TranscriptLine::text).map(t -> t.split(" ")).filter(p -> p.length > 1).map(p -> p[1])
                .findFirst().orElse(g.auth() == Authentication.OAUTH2 ? "XOAUTH2" : "");
        String reply = seen.stream().filter(l -> l.nanos() >= tAuth && l.kind() == TranscriptLine.Kind.SERVER
                        && !l.text().startsWith("334")).map(TranscriptLine::text).findFirst()
                .orElse(error == null ? "accepted" : describe(error));
        return (mechanism.isEmpty() ? "" : mechanism + ": ") + reply;
    }

    // ---- MAIL FROM, RCPT TO, DATA ------------------------------------------------------------------------------

    private void send(Smtp smtp, String recipient, EmailContent given) throws Stop {
        check(Step.MAIL_FROM);
        listener.stepStarted(Step.MAIL_FROM);
        int from = snapshot().size();
        long t0 = System.nanoTime();
        MimeMessage message;
        Instant now = Instant.now();
        try {
            EmailContent content = given != null ? given : new EmailContent(TestMessage.SUBJECT, TestMessage.text(g, now));
            message = TestMessage.build(smtp.session(), g, recipient, now, content);
            testEmail = new DiagnosisReport.TestEmail(recipient, content.subject(), content.body(),
                    message.getMessageID());
        } catch (MessagingException e) {
            throw fail(Step.MAIL_FROM, t0, describe(e), Failure.PROTOCOL_ERROR);
        }
        Exception error = null;
        try {
            smtp.transport().sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            error = e;
        }
        long tEnd = System.nanoTime();
        List<TranscriptLine> seen = snapshot();
        Replies r = Replies.of(seen.subList(Math.min(from, seen.size()), seen.size()));
        boolean cancelled = cancellation.stopRequested();

        long tMail = r.mail != null ? r.mail.nanos() : tEnd;
        if (r.mail == null || !r.mail.text().startsWith("2")) {
            throw sendFailure(Step.MAIL_FROM, t0, tMail, r.mailCommand, r.mail, error, Failure.SENDER_REFUSED, cancelled);
        }
        pass(Step.MAIL_FROM, t0, tMail, r.mailCommand + " → " + r.mail.text());

        listener.stepStarted(Step.RCPT_TO);
        TranscriptLine badRcpt = r.rcpts.stream().filter(l -> !l.text().startsWith("2")).findFirst().orElse(null);
        long tRcpt = r.rcpts.isEmpty() ? tEnd : r.rcpts.get(r.rcpts.size() - 1).nanos();
        if (r.rcpts.isEmpty() || badRcpt != null) {
            throw sendFailure(Step.RCPT_TO, tMail, tRcpt, String.join(", ", r.rcptCommands), badRcpt, error,
                    Failure.RECIPIENT_REFUSED, cancelled);
        }
        pass(Step.RCPT_TO, tMail, tRcpt, String.join(", ", r.rcptCommands) + " → "
                + r.rcpts.stream().map(TranscriptLine::text).collect(Collectors.joining(", ")));

        listener.stepStarted(Step.DATA);
        TranscriptLine last = r.end != null ? r.end : r.data;
        long tData = last != null ? last.nanos() : tEnd;
        boolean dataOk = r.data != null && r.data.text().startsWith("354") && r.end != null && r.end.text().startsWith("2");
        if (!dataOk || error != null) {
            throw sendFailure(Step.DATA, tRcpt, tData, "DATA", last != null && !last.text().startsWith("2") ? last : null,
                    error, Failure.MESSAGE_REFUSED, cancelled);
        }
        try {
            messageId = message.getMessageID();
        } catch (MessagingException e) {
            messageId = null;
        }
        pass(Step.DATA, tRcpt, tData, "DATA → " + r.data.text() + "; message → " + r.end.text());
    }

    /** Ends the run at a sending step that got a refusal, no reply, or an error. */
    private Stop sendFailure(Step step, long from, long to, String command, TranscriptLine reply, Exception error,
                             Failure refused, boolean cancelled) {
        Failure f;
        String detail;
        if (cancelled) {
            f = Failure.CANCELLED;
            detail = "cancelled";
        } else if (reply != null && !reply.text().startsWith("2") && !reply.text().startsWith("354")) {
            f = refused;
            failedReply = reply.text();
            detail = command + " → " + reply.text();
        } else {
            f = error == null ? Failure.PROTOCOL_ERROR : FailureClassifier.classify(error, step);
            detail = (command == null ? "" : command + " → ") + (error == null ? "no reply" : describe(error));
        }
        long millis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(to - from));
        StepResult r = StepResult.failed(step, millis, detail, f);
        steps.add(r);
        listener.stepFinished(r);
        if (error != null) {
            note("error: " + describe(error));
        }
        return new Stop(step, f);
    }

    /** The commands of one send and the server's final reply to each. */
    private static final class Replies {
        String mailCommand = "MAIL FROM";
        TranscriptLine mail;
        final List<String> rcptCommands = new ArrayList<>();
        final List<TranscriptLine> rcpts = new ArrayList<>();
        TranscriptLine data;
        TranscriptLine end;

        static Replies of(List<TranscriptLine> lines) {
            Replies r = new Replies();
            String pending = null;
            for (TranscriptLine l : lines) {
                if (l.kind() == TranscriptLine.Kind.CLIENT) {
                    String u = l.text().toUpperCase(Locale.ROOT);
                    if (u.startsWith("MAIL FROM")) {
                        pending = "MAIL";
                        r.mailCommand = l.text();
                    } else if (u.startsWith("RCPT TO")) {
                        pending = "RCPT";
                        r.rcptCommands.add(l.text());
                    } else if (u.equals("DATA")) {
                        pending = "DATA";
                    } else if (l.text().equals(".") && r.data != null) {
                        pending = "END";
                    } else if (u.startsWith("RSET") || u.startsWith("QUIT") || u.startsWith("NOOP")) {
                        pending = null;
                    }
                } else if (l.kind() == TranscriptLine.Kind.SERVER && pending != null && isFinalLine(l.text())) {
                    switch (pending) {
                        case "MAIL" -> r.mail = l;
                        case "RCPT" -> r.rcpts.add(l);
                        case "DATA" -> r.data = l;
                        default -> r.end = l;
                    }
                    pending = null;
                }
            }
            return r;
        }
    }

    // ---- the report ---------------------------------------------------------------------------------------------

    private DiagnosisReport report(Step failedStep, Failure failure) {
        List<TranscriptLine> seen = snapshot();
        List<String> transcript = seen.stream().map(TranscriptLine::display).filter(s -> s != null).toList();
        CertificateInfo untrusted = failure == Failure.CERT_UNTRUSTED && tls != null ? tls.leaf() : null;
        List<Hint> hints = HintRules.hints(g, failedStep, failure, caps, tls, speaksImplicitTls, failedReply);
        LOG.info("diagnosis of gateway '{}' ({}:{}): {}", g.name(), host, g.port(),
                failure == null ? "all steps passed" : "failed at " + failedStep.id() + " (" + failure + ")");
        return new DiagnosisReport(failure == null, steps, failedStep, failure, hints, transcript, tls, caps,
                untrusted, failure == null ? messageId : null, failedReply, testEmail);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Thrown to end the run at a failed step (already recorded). */
    private static final class Stop extends Exception {
        final Step step;
        final Failure failure;

        Stop(Step step, Failure failure) {
            super(step + ": " + failure, null, false, false);
            this.step = step;
            this.failure = failure;
        }
    }

    private void check(Step next) throws Stop {
        if (cancellation.stopRequested()) {
            StepResult r = StepResult.failed(next, 0, "cancelled", Failure.CANCELLED);
            steps.add(r);
            listener.stepFinished(r);
            throw new Stop(next, Failure.CANCELLED);
        }
    }

    private long begin(Step step) throws Stop {
        check(step);
        listener.stepStarted(step);
        return System.nanoTime();
    }

    private void pass(Step step, long t0, String detail) {
        pass(step, t0, System.nanoTime(), detail);
    }

    private void pass(Step step, long from, long to, String detail) {
        StepResult r = StepResult.passed(step, Math.max(0, TimeUnit.NANOSECONDS.toMillis(to - from)), detail);
        steps.add(r);
        listener.stepFinished(r);
    }

    private Stop fail(Step step, long t0, String detail, Failure failure) {
        StepResult r = StepResult.failed(step, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), detail, failure);
        steps.add(r);
        listener.stepFinished(r);
        return new Stop(step, failure);
    }

    private void onLine(TranscriptLine line) {
        synchronized (lines) {
            lines.add(line);
        }
        if (line.kind() == TranscriptLine.Kind.CLIENT) {
            if (line.text().equalsIgnoreCase("STARTTLS")) {
                listener.stepStarted(Step.TLS);
            } else if (line.text().startsWith("AUTH")) {
                listener.stepStarted(Step.AUTH);
            }
        }
    }

    private void note(String text) {
        onLine(new TranscriptLine(System.nanoTime(), TranscriptLine.Kind.NOTE, text));
    }

    /** Places the TLS summary where the handshake happened: after "220 ready" to STARTTLS, or before the greeting. */
    private void noteAfterTlsStart(String text) {
        synchronized (lines) {
            int at = lines.size();
            boolean startTlsSent = false;
            for (int i = 0; i < lines.size(); i++) {
                TranscriptLine l = lines.get(i);
                if (g.security() == Security.SSL && l.kind() == TranscriptLine.Kind.SERVER) {
                    at = i;
                    break;
                }
                if (l.kind() == TranscriptLine.Kind.CLIENT && l.text().equalsIgnoreCase("STARTTLS")) {
                    startTlsSent = true;
                } else if (startTlsSent && l.kind() == TranscriptLine.Kind.SERVER) {
                    at = i + 1;
                    break;
                }
            }
            lines.add(at, new TranscriptLine(System.nanoTime(), TranscriptLine.Kind.NOTE, text));
        }
    }

    private List<TranscriptLine> snapshot() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    private static long firstClient(List<TranscriptLine> seen, String command) {
        return seen.stream().filter(l -> l.kind() == TranscriptLine.Kind.CLIENT && l.text().equalsIgnoreCase(command))
                .mapToLong(TranscriptLine::nanos).findFirst().orElse(0);
    }

    /** Angus announces its attempt in a debug line whether or not the AUTH exchange itself is traced. */
    private static long authStart(List<TranscriptLine> seen) {
        return seen.stream().filter(l -> (l.kind() == TranscriptLine.Kind.DEBUG && l.text().contains("Attempt to authenticate"))
                        || (l.kind() == TranscriptLine.Kind.CLIENT && l.text().startsWith("AUTH")))
                .mapToLong(TranscriptLine::nanos).findFirst().orElse(0);
    }

    private static List<List<String>> ehloReplies(List<TranscriptLine> seen) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = null;
        for (TranscriptLine l : seen) {
            if (l.kind() == TranscriptLine.Kind.CLIENT) {
                String u = l.text().toUpperCase(Locale.ROOT);
                current = u.startsWith("EHLO") ? new ArrayList<>() : null;
            } else if (l.kind() == TranscriptLine.Kind.SERVER && current != null) {
                current.add(l.text());
                if (isFinalLine(l.text())) {
                    if (l.text().startsWith("250")) {
                        out.add(current);
                    }
                    current = null;
                }
            }
        }
        return out;
    }

    private static boolean isFinalLine(String reply) {
        return reply.length() == 3 || (reply.length() > 3 && reply.charAt(3) == ' ');
    }

    private static boolean lastServerIsError(List<TranscriptLine> seen) {
        String last = lastServerLine(seen);
        return last != null && (last.startsWith("4") || last.startsWith("5"));
    }

    private static String lastServerLine(List<TranscriptLine> seen) {
        String last = null;
        for (TranscriptLine l : seen) {
            if (l.kind() == TranscriptLine.Kind.SERVER) {
                last = l.text();
            }
        }
        return last;
    }

    /**
     * Angus prints the AUTH exchange to its debug output and, at FINEST, to java.util.logging. We mask the debug
     * output; the log we cannot. So the exchange is traced only when no log handler would receive it.
     */
    private static boolean authTraceStaysPrivate() {
        return !Logger.getLogger("org.eclipse.angus.mail.smtp").isLoggable(Level.FINEST)
                && !Logger.getLogger("org.eclipse.angus.mail.smtp.protocol").isLoggable(Level.FINEST);
    }

    private List<String> secretForms() {
        if (secret == null || secret.length == 0) {
            return List.of();
        }
        String pw = new String(secret);
        String user = g.username() == null ? "" : g.username();
        Base64.Encoder b64 = Base64.getEncoder();
        return List.of(pw,
                b64.encodeToString(pw.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0" + user + "\0" + pw).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString((user + "\0" + user + "\0" + pw).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("user=" + user + "\001auth=Bearer " + pw + "\001\001").getBytes(StandardCharsets.UTF_8)));
    }

    /** An exception in a few words, never with a stack trace; messages from Angus and the JDK hold no secret. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = e; c != null && sb.length() < 400; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            String part = (m == null || m.isBlank() ? c.getClass().getSimpleName() : m.strip()).replaceAll("\\s+", " ");
            if (sb.indexOf(part) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(part);
            }
        }
        return sb.toString();
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
