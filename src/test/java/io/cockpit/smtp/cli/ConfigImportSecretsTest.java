package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import never sends the stored secrets somewhere else without being told to, and refuses keys it does not know. */
class ConfigImportSecretsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void configure() {
        CliRun r = CliRun.run(dir, "secret-pw\n", "gateway", "set", "--server", "smtp.example.com", "--port", "465",
                "--security", "ssl", "--auth", "password", "--username", "svc", "--password-stdin", "--from",
                "itsm@example.com");
        assertEquals(0, r.code(), r.err());
    }

    CliRun importing(String json, String... options) throws Exception {
        Path file = Files.writeString(dir.resolve("import-" + System.nanoTime() + ".json"), json);
        String[] args = new String[4 + options.length];
        args[0] = "config";
        args[1] = "import";
        args[2] = "--file";
        args[3] = file.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return CliRun.run(dir, null, args);
    }

    JsonNode gateway() {
        return CliRun.run(dir, null, "gateway", "show", "--json").json();
    }

    @Test
    void anImportThatChangesTheServerDropsThePasswordAndSaysSo() throws Exception {
        CliRun r = importing("{\"gateway\": {\"server\": \"mail.attacker.example\"}}");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Stored secrets dropped because the import changes server: password"), r.out());
        assertEquals("mail.attacker.example", gateway().get("server").asText());
        assertFalse(gateway().get("passwordSet").asBoolean());
    }

    @Test
    void aDryRunSaysTheSecretsWouldBeDroppedAndKeepsThem() throws Exception {
        CliRun r = importing("{\"gateway\": {\"port\": 2525}}", "--dry-run");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Stored secrets would be dropped because the import changes port: password"), r.out());
        assertTrue(gateway().get("passwordSet").asBoolean());
    }

    @Test
    void turningSecurityOffDropsThePassword() throws Exception {
        CliRun r = importing("{\"gateway\": {\"security\": \"none\"}}");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("changes security: password"), r.out());
        assertFalse(gateway().get("passwordSet").asBoolean());
    }

    @Test
    void keepSecretsKeepsThem() throws Exception {
        CliRun r = importing("{\"gateway\": {\"server\": \"smtp2.example.com\"}}", "--keep-secrets");

        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("dropped"), r.out());
        assertTrue(gateway().get("passwordSet").asBoolean());
    }

    @Test
    void anImportThatKeepsWhereSecretsGoKeepsThem() throws Exception {
        CliRun r = importing("{\"gateway\": {\"displayName\": \"Desk\", \"security\": \"starttls\"}}");

        assertEquals(0, r.code(), r.err());
        assertTrue(gateway().get("passwordSet").asBoolean());
    }

    @Test
    void changingTheTokenUrlDropsTheClientSecret() throws Exception {
        CliRun set = CliRun.run(dir, "app-secret\n", "gateway", "set", "--auth", "oauth2", "--username", "svc@example.com",
                "--oauth-provider", "custom", "--oauth-client-id", "app", "--oauth-token-url",
                "https://login.example.com/token", "--oauth-client-secret-stdin");
        assertEquals(0, set.code(), set.err());

        CliRun r = importing("{\"gateway\": {\"oauth\": {\"provider\": \"custom\", \"clientId\": \"app\","
                + " \"tokenUrl\": \"https://login.attacker.example/token\"}}}");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("changes oauth-token-url: password, oauth-client-secret"), r.out());
        assertFalse(gateway().get("oauth").get("clientSecretSet").asBoolean());
    }

    @Test
    void anActiveGatewayCannotLoseItsPasswordToAnImportSilently() throws Exception {
        assertEquals(0, CliRun.run(dir, null, "gateway", "set", "--status", "active").code());

        CliRun r = importing("{\"gateway\": {\"server\": \"mail.attacker.example\"}}");

        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("password: is dropped because the import changes where it would be sent"), r.err());
        assertEquals("smtp.example.com", gateway().get("server").asText());
        assertTrue(gateway().get("passwordSet").asBoolean());
    }

    @Test
    void unknownKeysAnywhereAreRefusedByName() throws Exception {
        CliRun r = importing("{\"gateway\": {\"sever\": \"x.example.com\", \"oauth\": {\"tokenUri\": \"https://x\"}},"
                + " \"formats\": {}, \"format\": {\"reportSubjectTemplates\": {\"fr\": \"Rapport\"}}}");

        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("gateway.sever: is not a key of a configuration file"), r.err());
        assertTrue(r.err().contains("gateway.oauth.tokenUri:"), r.err());
        assertTrue(r.err().contains("formats:"), r.err());
        assertFalse(r.err().contains("reportSubjectTemplates"), "language codes are data, not keys");
        assertEquals("smtp.example.com", gateway().get("server").asText());
    }
}
