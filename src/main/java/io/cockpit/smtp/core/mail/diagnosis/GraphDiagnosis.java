package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.graph.GraphClient;
import io.cockpit.smtp.core.graph.GraphReply;
import io.cockpit.smtp.core.graph.TokenClaims;
import io.cockpit.smtp.core.mail.PinnedTrust;
import io.cockpit.smtp.core.oauth.AccessToken;
import io.cockpit.smtp.core.oauth.GatewaySecrets;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A gateway that sends through Microsoft Graph, step by step: the application token, the Graph host's name, TCP and
 * TLS (probed by us with the gateway's trust, as for SMTP), the Mail.Send permission read from the token, then for a
 * test email the {@code sendMail} exchange itself, shown like the SMTP transcript with the bearer token masked. Not
 * reusable: one instance, one run.
 */
final class GraphDiagnosis {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GraphDiagnosis.class);
    static final String MAIL_SEND = "Mail.Send";

    private final GatewayConfig g;
    private final GatewaySecrets secrets;
    private final Cancellation cancellation;
    private final StepLog steps;
    private final Transcript transcript;
    private final Findings findings = new Findings();
    private final URI endpoint;

    GraphDiagnosis(GatewayConfig g, GatewaySecrets secrets, DiagnosisListener listener, Cancellation cancellation) {
        this.g = g;
        this.secrets = secrets;
        this.cancellation = cancellation;
        this.steps = new StepLog(listener, cancellation);
        this.transcript = new Transcript(listener);
        this.endpoint = URI.create(g.effectiveGraphUrl());
    }

    DiagnosisReport run(String recipient, EmailContent content) {
        cancellation.bind(Thread.currentThread());
        char[] token = null;
        try {
            token = token();
            String host = endpoint.getHost();
            int port = endpoint.getPort() > 0 ? endpoint.getPort() : 443;
            List<InetAddress> addresses = NameLookup.resolve(host, g.connectTimeoutSeconds(), cancellation, steps);
            InetSocketAddress reached = TcpProbe.connect(addresses, port, g.connectTimeoutSeconds(), cancellation, steps);
            PinnedTrust trust = PinnedTrust.of(g.trustedCertificates());
            tls(reached, host, trust);
            permission(token);
            if (recipient != null) {
                send(trust, token, recipient, content);
            }
            return report(null, null);
        } catch (StepFailed stop) {
            return report(stop.step(), stop.failure());
        } finally {
            if (token != null) {
                Arrays.fill(token, '\0');
            }
            cancellation.unbind();
        }
    }

    private char[] token() throws StepFailed {
        long t0 = steps.begin(Step.TOKEN);
        transcript.note("asking " + (g.oauth().provider() == null ? "the provider" : g.oauth().provider().cliName())
                + " for the application token (client credentials, scope "
                + g.effectiveGraphUrl() + "/.default)");
        try {
            AccessToken t = secrets.graphToken(g);
            steps.pass(Step.TOKEN, t0, System.nanoTime(), List.of(Detail.of(Detail.Code.TOKEN_OBTAINED, t.expiresAt())));
            return t.value().toCharArray();
        } catch (OAuthException e) {
            transcript.note("no token: " + e.getMessage());
            throw steps.fail(Step.TOKEN, t0, System.nanoTime(), List.of(Detail.of(Detail.Code.OAUTH_TOKEN_UNAVAILABLE,
                    e.reason(), String.valueOf(e.getMessage()))), Failure.OAUTH_TOKEN_UNAVAILABLE);
        } catch (SecretUnavailableException e) {
            throw steps.fail(Step.TOKEN, t0, System.nanoTime(), List.of(Detail.of(Detail.Code.SECRET_UNAVAILABLE,
                    String.valueOf(e.context()), String.valueOf(e.why()))), Failure.SECRET_UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw steps.fail(Step.TOKEN, t0, System.nanoTime(), List.of(Detail.of(Detail.Code.CANCELLED_DURING_TOKEN)),
                    Failure.CANCELLED);
        }
    }

    /** A handshake of our own with the gateway's trust: the HTTP client's is hidden, this one can be shown. */
    private void tls(InetSocketAddress reached, String host, PinnedTrust trust) throws StepFailed {
        long t0 = steps.begin(Step.TLS);
        Exception error = null;
        SSLSocket ssl = null;
        try (Socket plain = new Socket()) {
            cancellation.register(plain);
            plain.connect(reached, g.connectTimeoutSeconds() * 1000);
            plain.setSoTimeout(g.readTimeoutSeconds() * 1000);
            ssl = (SSLSocket) trust.socketFactory().createSocket(plain, host, reached.getPort(), true);
            SSLParameters params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(params);
            ssl.startHandshake();
            ssl.close();
        } catch (IOException | RuntimeException e) {
            error = e;
            if (ssl != null) {
                try {
                    ssl.close();
                } catch (IOException ignored) {
                    // the handshake already failed; its cause is the one shown
                }
            }
        }
        Failure failure = error == null ? null
                : cancellation.stopRequested() ? Failure.CANCELLED : FailureClassifier.classify(error, Step.TLS);
        findings.tls = TlsReportBuilder.build(ssl, trust, failure, host, true, transcript);
        List<Detail> details = TlsReportBuilder.details(findings.tls, host, error, failure);
        if (failure != null) {
            transcript.note("error: " + ErrorText.of(error));
            throw steps.fail(Step.TLS, t0, System.nanoTime(), details, failure);
        }
        steps.pass(Step.TLS, t0, System.nanoTime(), details);
    }

    private void permission(char[] token) throws StepFailed {
        long t0 = steps.begin(Step.PERMISSION);
        Optional<List<String>> roles = TokenClaims.roles(token);
        if (roles.isEmpty()) {
            steps.pass(Step.PERMISSION, t0, System.nanoTime(), List.of(Detail.of(Detail.Code.NO_ROLES)));
        } else if (roles.get().contains(MAIL_SEND)) {
            steps.pass(Step.PERMISSION, t0, System.nanoTime(), List.of(Detail.of(Detail.Code.ROLES, roles.get())));
        } else {
            throw steps.fail(Step.PERMISSION, t0, System.nanoTime(), List.of(Detail.of(Detail.Code.ROLES, roles.get())),
                    Failure.PERMISSION_MISSING);
        }
    }

    private void send(PinnedTrust trust, char[] token, String recipient, EmailContent given) throws StepFailed {
        long t0 = steps.begin(Step.SEND);
        Instant now = Instant.now();
        byte[] mime;
        String messageId;
        try {
            EmailContent content = given != null ? given : new EmailContent(TestMessage.SUBJECT, TestMessage.text(g, now));
            MimeMessage m = TestMessage.build(Session.getInstance(new Properties()), g, recipient, now, content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            mime = out.toByteArray();
            messageId = m.getMessageID();
            findings.testEmail = new DiagnosisReport.TestEmail(recipient, content.subject(), content.body(), messageId);
        } catch (MessagingException | IOException e) {
            throw steps.fail(Step.SEND, t0, System.nanoTime(),
                    List.of(Detail.of(Detail.Code.MESSAGE_NOT_BUILT, ErrorText.of(e))), Failure.PROTOCOL_ERROR);
        }
        GraphClient client = new GraphClient(trust.context(), Duration.ofSeconds(g.connectTimeoutSeconds()),
                Duration.ofSeconds(g.readTimeoutSeconds()));
        GraphReply reply;
        try {
            reply = client.sendMail(g.effectiveGraphUrl(), g.username(), token, mime, this::line);
        } catch (IOException e) {
            Failure f = cancellation.stopRequested() ? Failure.CANCELLED : FailureClassifier.classify(e, Step.SEND);
            transcript.note("error: " + ErrorText.of(e));
            throw steps.fail(Step.SEND, t0, System.nanoTime(), List.of(ErrorText.detail(f, e)), f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw steps.fail(Step.SEND, t0, System.nanoTime(), List.of(Detail.of(Detail.Code.CANCELLED)), Failure.CANCELLED);
        }
        List<Detail> details = List.of(Detail.of(Detail.Code.HTTP_REPLY, reply.summary()));
        if (!reply.accepted()) {
            if (reply.tokenRejected()) {
                secrets.refused(g);
            }
            findings.failedReply = reply.summary();
            throw steps.fail(Step.SEND, t0, System.nanoTime(), details, failureOf(reply));
        }
        findings.messageId = messageId;
        steps.pass(Step.SEND, t0, System.nanoTime(), details);
    }

    private static Failure failureOf(GraphReply r) {
        if (r.tokenRejected()) {
            return Failure.TOKEN_REJECTED;
        }
        if (r.permissionMissing()) {
            return Failure.PERMISSION_MISSING;
        }
        return r.throttled() ? Failure.THROTTLED : Failure.HTTP_ERROR;
    }

    /** A line of the HTTP exchange ("C: ..." / "S: ..."), already masked by the client. */
    private void line(String l) {
        TranscriptLine.Kind kind = l.startsWith("S: ") ? TranscriptLine.Kind.SERVER : TranscriptLine.Kind.CLIENT;
        transcript.add(new TranscriptLine(System.nanoTime(), kind, l.length() > 3 ? l.substring(3) : l));
    }

    private DiagnosisReport report(Step failedStep, Failure failure) {
        TlsReport tls = findings.tls;
        CertificateInfo untrusted = failure == Failure.CERT_UNTRUSTED && tls != null ? tls.leaf() : null;
        List<Hint> hints = HintRules.hints(g, failedStep, failure, Capabilities.NONE, tls, null, findings.failedReply);
        LOG.info("diagnosis of gateway '{}' (Microsoft Graph {}): {}", g.name(), endpoint.getHost(),
                failure == null ? "all steps passed" : "failed at " + failedStep.id() + " (" + failure + ")");
        return new DiagnosisReport(failure == null, steps.results(), failedStep, failure, hints, transcript.display(),
                tls, Capabilities.NONE, untrusted, failure == null ? findings.messageId : null, findings.failedReply,
                findings.testEmail);
    }
}
