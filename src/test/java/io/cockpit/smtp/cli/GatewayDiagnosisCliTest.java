package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cockpit.smtp.core.gateway.TrustedCertificates;
import io.cockpit.smtp.core.mail.diagnosis.TestCerts;
import io.cockpit.smtp.core.mail.diagnosis.TestSmtp;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;

/** {@code gateway check} and {@code gateway test} in-process, against a temp store and in-process servers. */
class GatewayDiagnosisCliTest {
    @TempDir
    Path dir;

    private CliRun cli(String stdin, String... args) {
        return CliRun.run(dir, stdin, args);
    }

    private void set(String... args) {
        List<String> all = new ArrayList<>(List.of("gateway", "set"));
        all.addAll(List.of(args));
        CliRun r = cli(null, all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void checkAndTestPassWithTheSavedConfigurationWhileInactive() throws Exception {
        GreenMail gm = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        gm.start();
        try {
            set("--server", "127.0.0.1", "--port", String.valueOf(gm.getSmtp().getPort()), "--security", "none",
                    "--from", "itsm@example.com", "--display-name", "Service desk", "--reply-to", "support@example.com");

            CliRun check = cli(null, "gateway", "check", "--json");
            assertEquals(0, check.code(), check.out() + check.err());
            JsonNode c = check.json();
            assertTrue(c.get("ok").asBoolean());
            assertEquals("resolve", c.get("steps").get(0).get("name").asText());
            assertTrue(c.get("steps").get(0).has("millis"));
            assertTrue(c.get("steps").get(0).has("detail"));
            assertTrue(c.get("transcript").get(0).asText().startsWith("* ") || c.get("transcript").get(0).asText().startsWith("S: "));
            assertEquals(0, gm.getReceivedMessages().length, "check sends nothing");

            CliRun test = cli(null, "gateway", "test", "--to", "admin@example.org", "--json");
            assertEquals(0, test.code(), test.out() + test.err());
            JsonNode t = test.json();
            assertTrue(t.get("ok").asBoolean());
            assertEquals(gm.getReceivedMessages()[0].getMessageID(), t.get("messageId").asText());
            assertEquals("data", t.get("steps").get(t.get("steps").size() - 1).get("name").asText());

            CliRun history = cli(null, "outbox", "list", "--flow", "test", "--json");
            assertEquals(0, history.code(), history.err());
            JsonNode rows = history.json();
            assertEquals(1, rows.size(), rows.toString());
            assertEquals("test", rows.get(0).get("flow").asText());
            assertEquals("sent", rows.get(0).get("status").asText());
            CliRun shown = cli(null, "outbox", "show", rows.get(0).get("id").asText(), "--json");
            assertEquals(t.get("messageId").asText(), shown.json().get("messageId").asText());
            assertEquals(1, gm.getReceivedMessages().length, "recorded, not sent again");
        } finally {
            gm.stop();
        }
    }

    @Test
    void refusedConnectionExitsOneWithTheHint() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        set("--server", "127.0.0.1", "--port", String.valueOf(closed), "--security", "none");

        CliRun human = cli(null, "gateway", "check");
        assertEquals(1, human.code());
        assertTrue(human.out().contains("FAIL"), human.out());
        assertTrue(human.out().contains("Hint: Nothing accepts connections on this port"), human.out());

        CliRun json = cli(null, "gateway", "check", "--json");
        assertEquals(1, json.code());
        assertFalse(json.json().get("ok").asBoolean());
        assertEquals("CONNECTION_REFUSED", json.json().get("failure").asText());
        assertEquals("CONNECTION_REFUSED", json.json().get("hints").get(0).get("code").asText());
    }

    @Test
    void untrustedCertificateIsPrintedSavedAndThenTrusted() throws Exception {
        TestCerts.Cert cert = TestCerts.localhost(dir, "localhost");
        try (var server = TestSmtp.subetha(0, cert.serverContext(), true,
                new EasyAuthenticationHandlerFactory(TestSmtp.validator()), null)) {
            set("--server", "127.0.0.1", "--port", String.valueOf(server.port()), "--security", "starttls",
                    "--auth", "password", "--username", TestSmtp.USER, "--from", "itsm@example.com");
            assertEquals(0, cli(TestSmtp.PASSWORD + "\n", "gateway", "set", "--password-stdin").code());
            Path pem = dir.resolve("server.pem");

            CliRun refused = cli(null, "gateway", "check", "--save-cert", pem.toString());
            assertEquals(1, refused.code());
            String fingerprint = TrustedCertificates.fingerprint(cert.certificate());
            assertTrue(refused.out().contains("fingerprint: " + fingerprint), refused.out());
            assertTrue(refused.out().contains("subject:     CN=localhost"), refused.out());
            assertTrue(refused.out().contains("issuer:      CN=localhost"), refused.out());
            assertTrue(refused.out().contains("valid:"), refused.out());
            assertEquals(fingerprint, TrustedCertificates.fingerprint(
                    TrustedCertificates.parse(Files.readString(pem)).get(0)));

            set("--trust-cert", pem.toString());
            CliRun accepted = cli(null, "gateway", "test", "--to", "admin@example.org");
            assertEquals(0, accepted.code(), accepted.out());
            assertTrue(accepted.out().contains("C: AUTH "), accepted.out());
            assertEquals(1, server.received.size());
            for (String secret : List.of(TestSmtp.PASSWORD,
                    Base64.getEncoder().encodeToString(TestSmtp.PASSWORD.getBytes(StandardCharsets.UTF_8)),
                    Base64.getEncoder().encodeToString(("\0" + TestSmtp.USER + "\0" + TestSmtp.PASSWORD)
                            .getBytes(StandardCharsets.UTF_8)))) {
                assertFalse(accepted.out().contains(secret));
                assertFalse(accepted.err().contains(secret));
            }
        }
    }

    @Test
    void refusedTestEmailIsRecordedAsFailedWithTheReply() throws Exception {
        try (var server = TestSmtp.subetha(0, null, false, null, "550 5.7.1 Relaying denied")) {
            set("--server", "127.0.0.1", "--port", String.valueOf(server.port()), "--security", "none",
                    "--from", "itsm@example.com");
            CliRun r = cli(null, "gateway", "test", "--to", "someone@elsewhere.example");
            assertEquals(1, r.code(), r.out());
            assertTrue(r.out().contains("Hint: The server refused by policy (5.7.x)"), r.out());

            JsonNode rows = cli(null, "outbox", "list", "--flow", "test", "--json").json();
            assertEquals(1, rows.size());
            assertEquals("failed", rows.get(0).get("status").asText());
            assertTrue(rows.get(0).get("lastError").asText().contains("550 5.7.1 Relaying denied"), rows.toString());
        }
    }

    @Test
    void invalidRecipientIsRefusedAsUsage() {
        set("--server", "127.0.0.1", "--port", "2525", "--security", "none", "--from", "itsm@example.com");
        CliRun r = cli(null, "gateway", "test", "--to", "not an address");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("to"), r.err());
    }
}
