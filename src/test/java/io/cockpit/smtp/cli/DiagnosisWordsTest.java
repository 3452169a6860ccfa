package io.cockpit.smtp.cli;

import static io.cockpit.smtp.core.mail.diagnosis.Detail.Code.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.mail.diagnosis.Detail;
import io.cockpit.smtp.core.mail.diagnosis.Failure;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.core.mail.diagnosis.StepResult;
import io.cockpit.smtp.core.oauth.OAuthException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CLI words step details exactly as {@code gateway check} always printed them (its output and the JSON
 * {@code steps[].detail} are a contract): one line a step, facts joined by "; ".
 */
class DiagnosisWordsTest {
    private static String words(Step step, Detail... details) {
        return DiagnosisWords.details(StepResult.passed(step, 1, List.of(details)));
    }

    @Test
    void nameAndConnectionFactsReadAsBefore() {
        assertEquals("127.0.0.1, ::1", words(Step.RESOLVE, Detail.of(RESOLVED, List.of("127.0.0.1", "::1"))));
        assertEquals("no answer from the name service within 10 s", words(Step.RESOLVE, Detail.of(RESOLVE_TIMEOUT, 10)));
        assertEquals("unknown host mail.example", words(Step.RESOLVE, Detail.of(UNKNOWN_HOST, "mail.example")));
        assertEquals("cancelled", words(Step.RESOLVE, Detail.of(CANCELLED)));
        assertEquals("::1 port 25: Connection refused; 127.0.0.1 port 25: connected", words(Step.CONNECT,
                Detail.of(CONNECT_FAILED, "::1", 25, Detail.of(ERROR, Failure.CONNECTION_REFUSED, "Connection refused")),
                Detail.of(CONNECTED, "127.0.0.1", 25)));
    }

    @Test
    void sessionFactsReadAsBefore() {
        assertEquals("220 mx ESMTP; EHLO: SIZE 1000, STARTTLS", words(Step.GREETING, Detail.of(GREETING, "220 mx ESMTP"),
                Detail.of(EHLO, Detail.of(EXTENSIONS, List.of("SIZE 1000", "STARTTLS")))));
        assertEquals("no greeting; EHLO: no reply", words(Step.GREETING, Detail.of(NO_GREETING),
                Detail.of(EHLO, Detail.of(NO_REPLY))));
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant until = Instant.parse("2027-01-01T00:00:00Z");
        assertEquals("TLSv1.3, TLS_AES_128_GCM_SHA256; certificate CN=mx, issued by CN=ca, valid 2026-01-01T00:00:00Z"
                        + " to 2027-01-01T00:00:00Z, sha256:AB; host name matches mx; EHLO after TLS: no extensions",
                words(Step.TLS, Detail.of(TLS_SESSION, "TLSv1.3", "TLS_AES_128_GCM_SHA256"),
                        Detail.of(CERTIFICATE, "CN=mx", "CN=ca", from, until, "sha256:AB"),
                        Detail.of(HOST_MATCHES, "mx"), Detail.of(EHLO_AFTER_TLS, Detail.of(NO_EXTENSIONS))));
        assertEquals("handshake failed: PKIX path building failed; host name does not match mx", words(Step.TLS,
                Detail.of(HANDSHAKE_FAILED, Detail.of(ERROR, Failure.CERT_UNTRUSTED, "PKIX path building failed")),
                Detail.of(HOST_MISMATCH, "mx")));
        assertEquals("configured password authentication not offered (AUTH: none)", words(Step.AUTH,
                Detail.of(AUTH_NOT_OFFERED, Authentication.PASSWORD, Detail.of(NO_MECHANISM))));
        assertEquals("configured oauth2 authentication not offered (AUTH: PLAIN LOGIN)", words(Step.AUTH,
                Detail.of(AUTH_NOT_OFFERED, Authentication.OAUTH2, Detail.of(MECHANISMS, List.of("PLAIN", "LOGIN")))));
        assertEquals("LOGIN: 235 ok", words(Step.AUTH, Detail.of(AUTH, "LOGIN", Detail.of(SERVER_REPLY, "235 ok"))));
        assertEquals("accepted", words(Step.AUTH, Detail.of(AUTH_ACCEPTED)));
    }

    @Test
    void messageFactsReadAsBefore() {
        assertEquals("MAIL FROM:<a@b.example> → 250 ok", words(Step.MAIL_FROM,
                Detail.of(EXCHANGE, "MAIL FROM:<a@b.example>", Detail.of(SERVER_REPLY, "250 ok"))));
        assertEquals("RCPT TO:<x@y.example>, RCPT TO:<z@y.example> → 250 ok, 250 ok", words(Step.RCPT_TO,
                Detail.of(EXCHANGE, List.of("RCPT TO:<x@y.example>", "RCPT TO:<z@y.example>"),
                        Detail.of(SERVER_REPLY, List.of("250 ok", "250 ok")))));
        assertEquals("DATA → 354 go on; message → 250 queued", words(Step.DATA,
                Detail.of(EXCHANGE, "DATA", Detail.of(SERVER_REPLY, "354 go on")), Detail.of(MESSAGE_REPLY, "250 queued")));
        assertEquals("DATA → no reply", words(Step.DATA, Detail.of(EXCHANGE, "DATA", Detail.of(NO_REPLY))));
        assertEquals("bad address", words(Step.MAIL_FROM, Detail.of(MESSAGE_NOT_BUILT, "bad address")));
    }

    @Test
    void secretAndTokenFactsReadAsBefore() {
        assertEquals("The stored secret (gateway:portal:password) cannot be decrypted: unknown format. Enter it again.",
                words(Step.AUTH, Detail.of(SECRET_UNAVAILABLE, "gateway:portal:password", "unknown format")));
        assertEquals("OAuth 2.0: no OAuth provider is configured", words(Step.AUTH, Detail.of(OAUTH_TOKEN_UNAVAILABLE,
                OAuthException.Reason.NOT_CONFIGURED, "no OAuth provider is configured")));
        assertEquals("cancelled while obtaining the OAuth 2.0 token", words(Step.AUTH, Detail.of(CANCELLED_DURING_TOKEN)));
        assertEquals("", words(Step.TLS));
    }
}
