package io.cockpit.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cockpit.smtp.cli.Cli;
import io.cockpit.smtp.core.mail.diagnosis.TestCerts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data training's TLS test goes all the way: Angus Mail's client, driven by the real {@code gateway test},
 * gets through STARTTLS with the pinned certificate, AUTH and the message, so the archive holds those classes.
 */
class TrainingSmtpServerTest {
    @TempDir
    Path dir;

    @Test
    void theTrainingsGatewayTestGoesThroughTlsAndAuthentication() throws Exception {
        TestCerts.Cert cert = TestCerts.localhost(dir, "training");
        Path pem = dir.resolve("training.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        cert.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        try (TrainingSmtpServer server = TrainingSmtpServer.start(cert.p12(), TestCerts.PASSWORD.toCharArray())) {
            assertEquals(0, cli("training-password\n", "gateway", "set", "--server", "localhost", "--port",
                    String.valueOf(server.port()), "--security", "starttls", "--auth", "password", "--username",
                    "training", "--password-stdin", "--trust-cert", pem.toString(), "--from", "training@example.com",
                    "--connect-timeout", "5", "--read-timeout", "5").code);
            Run test = cli("", "gateway", "test", "--to", "admin@example.com", "--json");
            assertEquals(0, test.code, test.out);
            JsonNode steps = new ObjectMapper().readTree(test.out).path("steps");
            List<String> passed = new ArrayList<>();
            steps.forEach(s -> {
                if (s.path("ok").asBoolean()) {
                    passed.add(s.path("name").asText());
                }
            });
            assertTrue(passed.containsAll(List.of("tls", "auth", "data")), test.out);
        }
    }

    private record Run(int code, String out) {
    }

    private Run cli(String stdin, String... command) {
        List<String> line = new ArrayList<>(List.of("--db", dir.resolve("cockpit").toString(), "--key-file",
                dir.resolve("cockpit-smtp.key").toString()));
        line.addAll(List.of(command));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(line.toArray(String[]::new), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null);
        return new Run(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
}
