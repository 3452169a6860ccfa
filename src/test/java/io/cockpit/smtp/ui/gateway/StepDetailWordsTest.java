package io.cockpit.smtp.ui.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.mail.diagnosis.Detail;
import io.cockpit.smtp.core.mail.diagnosis.Detail.Code;
import io.cockpit.smtp.core.mail.diagnosis.Failure;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.core.mail.diagnosis.StepResult;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.ui.common.I18n;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Step details in the console's French: codes from the bundle, technical values as they are, dates in French. */
class StepDetailWordsTest {
    private final StepDetailWords fr = new StepDetailWords(new I18n(Locale.FRENCH));

    private String passed(Step step, Detail... details) {
        return fr.of(StepResult.passed(step, 1, List.of(details)));
    }

    private String failed(Step step, Failure failure, Detail... details) {
        return fr.of(StepResult.failed(step, 1, List.of(details), failure));
    }

    @Test
    void aPortIsShownAsTheNumberItIsAndAnErrorByItsMeaning() {
        assertEquals("127.0.0.1 port 25000 : connexion refusée", failed(Step.CONNECT, Failure.CONNECTION_REFUSED,
                Detail.of(Code.CONNECT_FAILED, "127.0.0.1", 25000,
                        Detail.of(Code.ERROR, Failure.CONNECTION_REFUSED, "Connection refused"))));
    }

    @Test
    void anErrorThatRepeatsTheStepsOutcomeIsLeftOut() {
        assertEquals("", failed(Step.GREETING, Failure.SERVER_SILENT,
                Detail.of(Code.ERROR, Failure.SERVER_SILENT, "Read timed out")));
        assertEquals("le certificat ne nomme pas mx.example", failed(Step.TLS, Failure.CERT_NAME_MISMATCH,
                Detail.of(Code.HANDSHAKE_FAILED, Detail.of(Code.ERROR, Failure.CERT_NAME_MISMATCH, "No name matching")),
                Detail.of(Code.HOST_MISMATCH, "mx.example")));
    }

    @Test
    void certificateDatesAreFrench() {
        Instant from = Instant.parse("2026-03-01T10:00:00Z");
        Instant until = Instant.parse("2026-04-01T10:00:00Z");
        DateTimeFormatter french = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.FRENCH)
                .withZone(ZoneId.systemDefault());
        assertEquals("certificat CN=mx, émis par CN=ca, valide du " + french.format(from) + " au " + french.format(until)
                + ", sha256:AB", passed(Step.TLS, Detail.of(Code.CERTIFICATE, "CN=mx", "CN=ca", from, until, "sha256:AB")));
        assertFalse(french.format(from).contains("2026-03-01"));
    }

    @Test
    void codesAmongTheValuesHaveTheirOwnWords() {
        assertEquals("authentification configurée (OAuth 2.0) non proposée (AUTH : aucune)", passed(Step.AUTH,
                Detail.of(Code.AUTH_NOT_OFFERED, Authentication.OAUTH2, Detail.of(Code.NO_MECHANISM))));
        assertEquals("OAuth 2.0 : le service de jetons est injoignable ou n'a pas répondu à temps", passed(Step.AUTH,
                Detail.of(Code.OAUTH_TOKEN_UNAVAILABLE, OAuthException.Reason.UNREACHABLE, "connect timed out")));
        assertEquals("pas de réponse du service de noms en 10 s", passed(Step.RESOLVE,
                Detail.of(Code.RESOLVE_TIMEOUT, 10)));
    }

    @Test
    void smtpLinesStayAsTheyAre() {
        assertEquals("220 mx ESMTP; EHLO : STARTTLS, AUTH PLAIN LOGIN", passed(Step.GREETING,
                Detail.of(Code.GREETING, "220 mx ESMTP"),
                Detail.of(Code.EHLO, Detail.of(Code.EXTENSIONS, List.of("STARTTLS", "AUTH PLAIN LOGIN")))));
        assertEquals("DATA → 354 go on; message → 250 queued", passed(Step.DATA,
                Detail.of(Code.EXCHANGE, "DATA", Detail.of(Code.SERVER_REPLY, "354 go on")),
                Detail.of(Code.MESSAGE_REPLY, "250 queued")));
    }
}
