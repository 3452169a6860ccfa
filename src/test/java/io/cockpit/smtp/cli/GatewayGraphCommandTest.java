package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cockpit.smtp.core.gateway.TrustedCertificates;
import io.cockpit.smtp.core.mail.diagnosis.TestCerts;
import io.cockpit.smtp.testing.GraphEndpoint;
import io.cockpit.smtp.testing.OAuthServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gateway set --transport graph`, `show --json` and `test` through Microsoft Graph, against local endpoints. */
class GatewayGraphCommandTest {
    @TempDir
    Path dir;

    @Test
    void showSaysTheTransportAndGraphUrlAndNullWhenTheWorldwideEndpointIsMeant() {
        JsonNode before = CliRun.run(dir, null, "gateway", "show", "--json").json();
        assertEquals("smtp", before.get("transport").asText());
        assertTrue(before.get("graphUrl").isNull());

        CliRun set = CliRun.run(dir, "app-secret\n", "gateway", "set", "--auth", "oauth2", "--oauth-provider", "microsoft",
                "--oauth-tenant", "contoso", "--oauth-client-id", "app", "--oauth-client-secret-stdin",
                "--username", "svc@contoso.com", "--transport", "graph", "--graph-url", "https://graph.microsoft.us",
                "--max-recipients-per-day", "10000");
        assertEquals(0, set.code(), set.err());
        JsonNode g = CliRun.run(dir, null, "gateway", "show", "--json").json();
        assertEquals("graph", g.get("transport").asText());
        assertEquals("https://graph.microsoft.us", g.get("graphUrl").asText());
        assertEquals(10000, g.get("maxRecipientsPerDay").asInt());
        assertFalse(CliRun.run(dir, null, "gateway", "show", "--json").out().contains("app-secret"));
    }

    @Test
    void badTransportValuesAreNamedAndNothingChanges() {
        CliRun plain = CliRun.run(dir, null, "gateway", "set", "--graph-url", "http://graph.example.com");
        assertEquals(2, plain.code());
        assertTrue(plain.err().startsWith("graph-url: must be an https:// URL"), plain.err());
        CliRun noOAuth = CliRun.run(dir, null, "gateway", "set", "--transport", "graph");
        assertEquals(2, noOAuth.code());
        assertTrue(noOAuth.err().startsWith("transport: graph needs --auth oauth2"), noOAuth.err());
        CliRun bogus = CliRun.run(dir, null, "gateway", "set", "--transport", "carrier-pigeon");
        assertEquals(2, bogus.code());
        assertTrue(bogus.err().startsWith("transport:"), bogus.err());
        assertEquals(0, CliRun.run(dir, null, "gateway", "show", "--json").json().get("version").asInt());
    }

    @Test
    void testSendsThroughGraphAndPrintsTheStepsAndTheMaskedExchange() throws Exception {
        TestCerts.Cert cert = TestCerts.localhost(dir, "graph");
        Path pem = dir.resolve("graph.pem");
        Files.writeString(pem, TrustedCertificates.pem(cert.certificate()));
        try (OAuthServer oauth = new OAuthServer(); GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            CliRun set = CliRun.run(dir, "app-secret\n", "gateway", "set", "--auth", "oauth2", "--oauth-provider",
                    "microsoft", "--oauth-client-id", "app", "--oauth-client-secret-stdin", "--oauth-token-url",
                    oauth.tokenUrl(), "--username", "svc@contoso.com", "--from", "itsm@contoso.com", "--transport",
                    "graph", "--graph-url", graph.url(), "--trust-cert", pem.toString());
            assertEquals(0, set.code(), set.err());
            CliRun test = CliRun.run(dir, null, "gateway", "test", "--to", "admin@example.com");
            assertEquals(0, test.code(), test.out() + test.err());
            assertTrue(test.out().contains("ok   access token"), test.out());
            assertTrue(test.out().contains("sending (Graph sendMail)"), test.out());
            assertTrue(test.out().contains("C: Authorization: Bearer ********"), test.out());
            String token = graph.received().get(0).authorization().substring(7);
            assertFalse(test.out().contains(token));
            JsonNode json = CliRun.run(dir, null, "gateway", "check", "--json").json();
            assertTrue(json.get("ok").asBoolean(), json.toString());
            assertEquals("token", json.get("steps").get(0).get("name").asText());
        }
    }
}
