package io.cockpit.smtp.core.engine.diagnosis;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.mail.diagnosis.Capabilities;
import io.cockpit.smtp.core.mail.diagnosis.CertificateInfo;
import io.cockpit.smtp.core.mail.diagnosis.Detail;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.mail.diagnosis.Failure;
import io.cockpit.smtp.core.mail.diagnosis.Hint;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.core.mail.diagnosis.StepResult;
import io.cockpit.smtp.core.mail.diagnosis.TlsReport;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report crosses the store from the engine to the console unchanged, codes and value types included. */
class DiagnosisCodecTest {
    static final CertificateInfo CERT = new CertificateInfo("CN=smtp.lyon.example.com", "CN=Lyon CA",
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), "sha256:AB:CD",
            List.of("smtp.lyon.example.com", "127.0.0.1"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

    @Test
    void aReportWithEveryKindOfFactComesBackEqual() {
        List<StepResult> steps = List.of(
                StepResult.passed(Step.RESOLVE, 3, List.of(Detail.of(Detail.Code.RESOLVED, List.of("127.0.0.1", "::1")))),
                StepResult.passed(Step.CONNECT, 1, List.of(Detail.of(Detail.Code.CONNECTED, "127.0.0.1", 2525))),
                StepResult.passed(Step.TLS, 40, List.of(Detail.of(Detail.Code.TLS_SESSION, "TLSv1.3", "TLS_AES_128_GCM_SHA256"),
                        Detail.of(Detail.Code.CERTIFICATE, CERT.subject(), CERT.issuer(), CERT.notBefore(), CERT.notAfter(),
                                CERT.fingerprint()))),
                StepResult.failed(Step.AUTH, 12, List.of(Detail.of(Detail.Code.AUTH_NOT_OFFERED, Authentication.PASSWORD,
                        Detail.of(Detail.Code.MECHANISMS, List.of("XOAUTH2"))),
                        Detail.of(Detail.Code.ERROR, Failure.AUTH_NOT_OFFERED, "no AUTH"),
                        Detail.of(Detail.Code.OAUTH_TOKEN_UNAVAILABLE, OAuthException.Reason.values()[0], "x"),
                        Detail.of(Detail.Code.RESOLVE_TIMEOUT, 7L)), Failure.AUTH_NOT_OFFERED));
        DiagnosisReport r = new DiagnosisReport(false, steps, Step.AUTH, Failure.AUTH_NOT_OFFERED,
                List.of(Hint.AUTH_NOT_OFFERED), List.of("S: 220 hi", "C: EHLO me", "* TLS started"),
                new TlsReport("TLSv1.3", "TLS_AES_128_GCM_SHA256", List.of(CERT), true, false),
                new Capabilities("220 hi", List.of("SIZE 1000", "STARTTLS"), 1000L, true, List.of("XOAUTH2"), true, false),
                CERT, null, "535 no", new DiagnosisReport.TestEmail("a@example.org", "Test", "body", "<id@x>"));
        DiagnosisReport back = DiagnosisCodec.report(DiagnosisCodec.read(DiagnosisCodec.write(DiagnosisCodec.report(r))));
        assertEquals(r, back);
        assertInstanceOf(Authentication.class, back.steps().get(3).details().get(0).arg(0), "typed, as the words need");
        assertInstanceOf(Integer.class, back.steps().get(1).details().get(0).arg(1));
    }

    @Test
    void factsAndHintsOfANewerEngineAreLeftOutNotTheWholeReport() {
        StepResult step = StepResult.passed(Step.GREETING, 5, List.of(Detail.of(Detail.Code.GREETING, "220 hi"),
                Detail.of(Detail.Code.NO_EXTENSIONS)));
        ObjectNode json = DiagnosisCodec.step(step);
        ((ObjectNode) json.get("details").get(1)).put("code", "SOMETHING_NEW");
        StepResult back = DiagnosisCodec.step(json).orElseThrow();
        assertEquals(List.of(Detail.of(Detail.Code.GREETING, "220 hi")), back.details());
        ObjectNode unknownStep = DiagnosisCodec.step(step);
        unknownStep.put("step", "QUANTUM");
        assertTrue(DiagnosisCodec.step(unknownStep).isEmpty());
        ObjectNode failed = DiagnosisCodec.step(StepResult.failed(Step.DATA, 1, List.of(), Failure.MESSAGE_REFUSED));
        failed.put("failure", "A_NEW_FAILURE");
        assertEquals(Failure.PROTOCOL_ERROR, DiagnosisCodec.step(failed).orElseThrow().failure());
    }

    @Test
    void problemsComeBackWithTheirFields() {
        List<FieldProblem> p = List.of(FieldProblem.error("server", Problem.REQUIRED), FieldProblem.error("from", Problem.REQUIRED));
        assertEquals(p, DiagnosisCodec.problems(DiagnosisCodec.read(DiagnosisCodec.write(DiagnosisCodec.problems(p)))));
    }
}
