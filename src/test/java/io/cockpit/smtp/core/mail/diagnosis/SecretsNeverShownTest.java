package io.cockpit.smtp.core.mail.diagnosis;

import static io.cockpit.smtp.core.mail.diagnosis.DiagnosisFixture.pinned;
import static io.cockpit.smtp.testing.ByteSearch.contains;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.PlainAuthenticationHandlerFactory;

/**
 * The transcript and every log line, as bytes, never hold the password nor its base64 forms: for LOGIN and PLAIN,
 * accepted and refused, with Angus's fine logging off and on.
 */
class SecretsNeverShownTest extends DiagnosisTestBase {
    static TestCerts.Cert cert;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private Handler capture;
    private final Logger root = Logger.getLogger("");
    private final Logger angus = Logger.getLogger("org.eclipse.angus.mail");
    private Level rootLevel;

    @BeforeAll
    static void makeCertificate() {
        cert = TestCerts.localhost(dir, "localhost");
    }

    @BeforeEach
    void captureAllLogging() {
        SimpleFormatter f = new SimpleFormatter();
        capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                // The in-process test server logs what it receives into the same java.util.logging; in real life it
                // is another machine. Everything else (Angus, our code, the JDK) is captured.
                if (r.getLoggerName() != null && r.getLoggerName().startsWith("org.subethamail")) {
                    return;
                }
                byte[] line = (f.format(r)).getBytes(StandardCharsets.UTF_8);
                synchronized (logBytes) {
                    logBytes.writeBytes(line);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        rootLevel = root.getLevel();
    }

    @AfterEach
    void stopCapturing() {
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        angus.setLevel(null);
    }

    @ParameterizedTest(name = "{0}, password accepted: {1}, Angus logging at FINEST: {2}")
    @CsvSource({
            "LOGIN, true, false", "LOGIN, false, false", "PLAIN, true, false", "PLAIN, false, false",
            "LOGIN, true, true", "PLAIN, false, true"})
    void neitherTranscriptNorLogHoldsThePassword(String mechanism, boolean right, boolean fineLogging) throws Exception {
        if (fineLogging) {
            root.setLevel(Level.ALL);
            angus.setLevel(Level.ALL);
        }
        String password = right ? TestSmtp.PASSWORD : "Wr0ng-But-Secret!";
        AuthenticationHandlerFactory auth = mechanism.equals("LOGIN")
                ? new LoginAuthenticationHandlerFactory(TestSmtp.validator())
                : new PlainAuthenticationHandlerFactory(TestSmtp.validator());
        try (var server = TestSmtp.subetha(0, cert.serverContext(), true, auth, null)) {
            GatewayConfig g = fx.withPassword(pinned(fx.gateway(server.port(), Security.STARTTLS), cert.certificate()),
                    TestSmtp.USER, password);

            DiagnosisReport r = fx.test(g, "admin@example.org");

            assertTrue(r.ok() == right, r.steps().toString());
            byte[] transcript = String.join("\n", r.transcript()).getBytes(StandardCharsets.UTF_8);
            byte[] logs;
            synchronized (logBytes) {
                logs = logBytes.toByteArray();
            }
            byte[] details = r.steps().toString().getBytes(StandardCharsets.UTF_8);
            for (String form : forms(TestSmtp.USER, password)) {
                byte[] needle = form.getBytes(StandardCharsets.UTF_8);
                assertFalse(contains(transcript, needle), "transcript holds " + form);
                assertFalse(contains(logs, needle), () -> "log holds " + form + " in: " + new String(logs, StandardCharsets.UTF_8).lines().filter(l -> l.contains(form)).toList());
                assertFalse(contains(details, needle), "step details hold " + form);
            }
            if (!fineLogging) {
                // the exchange is shown, masked, when no log handler would receive it
                assertTrue(r.transcript().contains("C: AUTH " + mechanism)
                        || r.transcript().contains("C: AUTH " + mechanism + " " + TranscriptMasker.MASK), r.transcript().toString());
                assertTrue(r.transcript().stream().anyMatch(l -> l.contains(TranscriptMasker.MASK)));
            } else {
                // Angus's protocol trace did reach the log (so the check above looked at it)
                assertTrue(contains(logs, "EHLO".getBytes(StandardCharsets.UTF_8)), "Angus's trace was captured");
            }
        }
    }

    static List<String> forms(String user, String password) {
        Base64.Encoder b = Base64.getEncoder();
        return List.of(password,
                b.encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                b.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)),
                b.encodeToString((user + "\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
