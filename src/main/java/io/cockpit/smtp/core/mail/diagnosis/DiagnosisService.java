package io.cockpit.smtp.core.mail.diagnosis;

import io.cockpit.smtp.core.access.Access;
import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.gateway.Transport;
import io.cockpit.smtp.core.oauth.GatewaySecrets;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.core.validation.ValidationException;
import java.util.Arrays;
import java.util.List;

/**
 * "Tester la connexion" and "Envoyer un email de test": the one service behind the Passerelle SMTP screen's buttons
 * and {@code gateway check} / {@code gateway test}. Works on any configuration (saved or an unsaved edit buffer),
 * whether the gateway is active or not. Runs on the caller's thread; cancel through the {@link Cancellation}.
 */
public final class DiagnosisService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DiagnosisService.class);

    /** Where a test email is recorded once sent (the outbox history, flow {@code test}). */
    @FunctionalInterface
    public interface TestEmailLog {
        TestEmailLog NONE = report -> { };

        /** Called only when a test email was handed to the server, accepted or not. */
        void record(DiagnosisReport report);
    }

    private final GatewaySecrets gateways;
    private final TestEmailLog testEmails;
    private final Access access;

    /**
     * @param gateways where the password, or the OAuth access token, comes from
     * @param access whether the caller's role may test a gateway (administrators and operators)
     */
    public DiagnosisService(GatewaySecrets gateways, TestEmailLog testEmails, Access access) {
        this.gateways = gateways;
        this.testEmails = testEmails;
        this.access = access;
    }

    /**
     * Connect, secure, authenticate; send nothing.
     *
     * @throws io.cockpit.smtp.core.access.NotPermittedException the caller's role may not test a gateway
     */
    public DiagnosisReport check(GatewayConfig g, DiagnosisListener listener, Cancellation cancellation)
            throws ValidationException {
        access.require(Operation.GATEWAY_TEST);
        requireServer(g);
        return run(g, null, null, listener, cancellation);
    }

    /** Everything {@link #check} does, then one test email to {@code to}. */
    public DiagnosisReport test(GatewayConfig g, String to, DiagnosisListener listener, Cancellation cancellation)
            throws ValidationException {
        return test(g, to, null, listener, cancellation);
    }

    /**
     * As {@link #test(GatewayConfig, String, DiagnosisListener, Cancellation)} with a given subject and body (the
     * Format des emails sample); null content: the standard test email.
     */
    public DiagnosisReport test(GatewayConfig g, String to, EmailContent content, DiagnosisListener listener,
                                Cancellation cancellation) throws ValidationException {
        access.require(Operation.GATEWAY_TEST);
        requireServer(g);
        if (Syntax.isBlank(g.from())) {
            throw ValidationException.of(GatewayField.FROM, Problem.REQUIRED);
        }
        if (Syntax.isBlank(to)) {
            throw ValidationException.of("to", Problem.REQUIRED);
        }
        var bad = Syntax.address(to.trim());
        if (bad.isPresent()) {
            throw ValidationException.of("to", bad.get());
        }
        DiagnosisReport report = run(g, to.trim(), content, listener, cancellation);
        if (report.testEmail() != null) {
            try {
                testEmails.record(report);
            } catch (RuntimeException e) {
                // the server's answer stands; only the history line is missing
                LOG.warn("the test email could not be recorded in the outbox history", e);
            }
        }
        return report;
    }

    private DiagnosisReport run(GatewayConfig g, String to, EmailContent content, DiagnosisListener listener,
                                Cancellation cancellation) {
        if (g.transport() == Transport.GRAPH) {
            return new GraphDiagnosis(g, gateways, listener, cancellation).run(to, content);
        }
        char[] secret = null;
        try {
            if (g.auth() != Authentication.NONE) {
                secret = gateways.secretFor(g);
            }
            DiagnosisReport report = new Diagnosis(g, secret, listener, cancellation).run(to, content);
            if (report.failure() == Failure.AUTH_REJECTED && g.auth() == Authentication.OAUTH2
                    && !cancellation.stopRequested()) {
                // A cached access token the server refuses is dropped and the run made again once with a new one,
                // as sending does; a second refusal is the report, and the token's health keeps the server's words.
                gateways.refused(g);
                Arrays.fill(secret, '\0');
                secret = gateways.secretFor(g);
                report = new Diagnosis(g, secret, listener, cancellation).run(to, content);
                if (report.failure() == Failure.AUTH_REJECTED) {
                    gateways.refused(g);
                    gateways.serverRefused(g, report.lastReply());
                }
            }
            return report;
        } catch (SecretUnavailableException e) {
            return refusedBeforeStart(Failure.SECRET_UNAVAILABLE,
                    Detail.of(Detail.Code.SECRET_UNAVAILABLE, String.valueOf(e.context()), String.valueOf(e.why())));
        } catch (OAuthException e) {
            return refusedBeforeStart(Failure.OAUTH_TOKEN_UNAVAILABLE,
                    Detail.of(Detail.Code.OAUTH_TOKEN_UNAVAILABLE, e.reason(), String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refusedBeforeStart(Failure.CANCELLED, Detail.of(Detail.Code.CANCELLED_DURING_TOKEN));
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private static DiagnosisReport refusedBeforeStart(Failure failure, Detail detail) {
        StepResult r = StepResult.failed(Step.AUTH, 0, List.of(detail), failure);
        List<Hint> hints = failure == Failure.SECRET_UNAVAILABLE ? List.of(Hint.SECRET_UNAVAILABLE) : List.of();
        return new DiagnosisReport(false, List.of(r), Step.AUTH, failure, hints, List.of(), null, Capabilities.NONE,
                null, null, null, null);
    }

    private static void requireServer(GatewayConfig g) throws ValidationException {
        if (g.transport() == Transport.GRAPH) {
            if (Syntax.isBlank(g.username())) {
                throw ValidationException.of(GatewayField.USERNAME, Problem.REQUIRED);
            }
            return;
        }
        if (Syntax.isBlank(g.server())) {
            throw ValidationException.of(GatewayField.SERVER, Problem.REQUIRED);
        }
    }
}
