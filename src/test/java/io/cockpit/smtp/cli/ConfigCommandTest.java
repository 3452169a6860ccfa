package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import org.junit.jupiter.params.Parameter;

@OnEveryStore
class ConfigCommandTest {
    @Parameter StoreKind store;
    @TempDir
    Path dir;
    @TempDir
    Path other;

    private void configure(Path where) {
        CliRun r = CliRun.run(store, where, "secret-pw\n", "gateway", "set", "--server", "smtp.example.com", "--port", "465",
                "--security", "ssl", "--auth", "password", "--username", "svc", "--password-stdin", "--from",
                "itsm@example.com", "--display-name", "Desk");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void exportLeavesSecretsOutAndImportsIntoAnotherStore() throws Exception {
        configure(dir);
        Path file = dir.resolve("export.json");
        assertEquals(0, CliRun.run(store, dir, null, "config", "export", "--file", file.toString()).code());
        String text = Files.readString(file);
        assertFalse(text.contains("secret-pw"));
        assertFalse(text.contains("v1:"), "no ciphertext in an export");
        CliRun dry = CliRun.run(store, other, null, "config", "import", "--file", file.toString(), "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("server"), dry.out());
        assertTrue(CliRun.run(store, other, null, "gateway", "show", "--json").json().get("server").isNull());
        assertEquals(0, CliRun.run(store, other, null, "config", "import", "--file", file.toString()).code());
        JsonNode g = CliRun.run(store, other, null, "gateway", "show", "--json").json();
        assertEquals("smtp.example.com", g.get("server").asText());
        assertEquals("ssl", g.get("security").asText());
        assertFalse(g.get("passwordSet").asBoolean());
    }

    @Test
    void anImportWithOneBadValueChangesNothing() throws Exception {
        configure(dir);
        Path file = Files.writeString(dir.resolve("bad.json"),
                "{\"gateway\": {\"server\": \"new.example.com\", \"port\": 70000}}");
        CliRun r = CliRun.run(store, dir, null, "config", "import", "--file", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("port:"), r.err());
        assertEquals("smtp.example.com", CliRun.run(store, dir, null, "gateway", "show", "--json").json().get("server").asText());
    }

    @Test
    void anImportWithoutPasswordKeepsTheStoredOne() throws Exception {
        configure(dir);
        Path file = Files.writeString(dir.resolve("p.json"), "{\"gateway\": {\"displayName\": \"New desk\"}}");
        assertEquals(0, CliRun.run(store, dir, null, "config", "import", "--file", file.toString()).code());
        JsonNode g = CliRun.run(store, dir, null, "gateway", "show", "--json").json();
        assertEquals("New desk", g.get("displayName").asText());
        assertTrue(g.get("passwordSet").asBoolean());
    }

    @Test
    void historyListsEveryChangeWithSecretsMasked() {
        configure(dir);
        CliRun h = CliRun.run(store, dir, null, "config", "history", "--json");
        assertEquals(0, h.code());
        assertFalse(h.out().contains("secret-pw"));
        boolean passwordEntry = false;
        for (JsonNode e : h.json()) {
            if (e.get("field").asText().equals("password")) {
                passwordEntry = e.get("newValue").asText().equals("(set)");
            }
        }
        assertTrue(passwordEntry, h.out());
    }

    @Test
    void rotateKeyReencryptsSoTheOldKeyNoLongerOpensThePassword() throws Exception {
        configure(dir);
        byte[] oldKey = Files.readAllBytes(TestStore.keyFile(dir));
        CliRun r = CliRun.run(store, dir, null, "config", "rotate-key");
        assertEquals(0, r.code(), r.err());
        assertFalse(Arrays.equals(oldKey, Files.readAllBytes(TestStore.keyFile(dir))));
        try (CoreServices core = TestStore.open(store, dir)) {
            assertEquals("secret-pw", new String(core.gateways().openPassword(core.gateways().loadPortal())));
        }
    }

    @Test
    void theEmailFormatTravelsWithTheExportAndAnImportIsAllOrNothing() throws Exception {
        configure(dir);
        assertEquals(0, CliRun.run(store, dir, null, "format", "set", "--user-url", "https://portal.example.com").code());
        assertEquals(0, CliRun.run(store, dir, null, "template", "set", "--lang", "fr", "--text", "Rapport ${REPORT_NAME}").code());
        Path file = dir.resolve("export.json");
        assertEquals(0, CliRun.run(store, dir, null, "config", "export", "--file", file.toString()).code());
        assertEquals(0, CliRun.run(store, other, null, "config", "import", "--file", file.toString()).code());
        JsonNode f = CliRun.run(store, other, null, "format", "show", "--json").json();
        assertEquals("https://portal.example.com", f.get("userUrl").asText());
        assertEquals("Rapport ${REPORT_NAME}", f.get("reportSubjectTemplates").get("fr").asText());

        // A good gateway beside a bad template: neither is applied.
        Path mixed = Files.writeString(dir.resolve("mixed.json"), "{\"gateway\": {\"server\": \"other.example.com\"},"
                + " \"format\": {\"reportSubjectTemplates\": {\"fr\": \"${UNKNOWN_VAR}\"}}}");
        CliRun r = CliRun.run(store, other, null, "config", "import", "--file", mixed.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("smtp.example.com", CliRun.run(store, other, null, "gateway", "show", "--json").json().get("server").asText());
    }
}
