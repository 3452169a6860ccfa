package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.Migrations;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** {@code store show} and {@code store copy}; a copy goes from the store of the run to the other kind. */
@OnEveryStore
class StoreCommandTest {
    @Parameter StoreKind store;
    @TempDir Path dir;
    @TempDir Path other;

    private StoreKind otherKind() {
        return store == StoreKind.H2 ? StoreKind.POSTGRESQL : StoreKind.H2;
    }

    private CliRun run(String... args) {
        return CliRun.run(store, dir, null, args);
    }

    @Test
    void showNamesTheKindLocationSchemaVersionAndUser() {
        CliRun r = run("store", "show", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = r.json();
        assertEquals(store.cliName(), o.get("kind").asText());
        assertEquals(TestStore.location(store, dir).display(), o.get("location").asText());
        assertEquals(Migrations.latest(getClass().getClassLoader(), TestStore.location(store, dir).jdbcUrl()).orElseThrow()
                .toString(), o.get("schemaVersion").asText());
        assertEquals(store == StoreKind.H2 ? System.getProperty("user.name") : "cockpit_app", o.get("user").asText());
        assertEquals("administrator", o.get("role").asText(), "who creates a store is its administrator");
        CliRun text = run("store", "show");
        assertTrue(text.out().contains("kind            " + store.cliName()), text.out());
    }

    @Test
    void aCopyShowsTheSameConfigurationEnginesAndOutboxAsTheOriginal() throws Exception {
        assertEquals(0, CliRun.run(store, dir, "secret-pw\n", "gateway", "set", "--server", "smtp.example.com",
                "--port", "587", "--security", "starttls", "--auth", "password", "--username", "svc",
                "--password-stdin", "--from", "itsm@example.com").code());
        assertEquals(0, run("format", "set", "--user-url", "https://support.example.com", "--languages", "fr,en,de").code());
        assertEquals(0, run("template", "set", "--lang", "en", "--text", "Report ${REPORT_NAME}").code());
        assertEquals(0, run("engine", "add", "dmz", "--remote").code());
        for (int i = 0; i < 3; i++) {
            assertEquals(0, run("send", "--flow", "test", "--to", "u" + i + "@example.org").code());
        }
        CliRun copy = run("store", "copy", "--to", TestStore.db(otherKind(), other));
        assertEquals(0, copy.code(), copy.err());
        assertTrue(copy.out().contains(TestStore.keyFile(dir).toString()), copy.out());
        for (String[] command : new String[][] {{"gateway", "show", "--json"}, {"format", "show", "--json"},
                {"engine", "list", "--json"}, {"outbox", "list", "--json"}, {"config", "history", "--json"}}) {
            String original = run(command).out();
            CliRun copied = CliRun.run(otherKind(), other, null, command);
            assertEquals(0, copied.code(), copied.err());
            if (command[0].equals("config")) {
                // The copy's history says one thing more, first: whoever copied is an administrator of the copy (on the
                // other kind of store they go by another name).
                JsonNode lines = copied.json();
                assertEquals("user:" + (otherKind() == StoreKind.H2 ? System.getProperty("user.name") : "cockpit_app"),
                        lines.get(0).get("section").asText());
                ((com.fasterxml.jackson.databind.node.ArrayNode) lines).remove(0);
                assertEquals(CliRun.run(store, dir, null, command).json(), lines, String.join(" ", command));
                continue;
            }
            assertEquals(original, copied.out(), String.join(" ", command));
        }
        DbLocation withTheOriginalKey = DbLocation.resolve(TestStore.db(otherKind(), other), TestStore.keyFile(dir).toString(),
                TestStore.env(otherKind()));
        try (CoreServices copied = CoreServices.open(withTheOriginalKey)) {
            assertEquals("secret-pw", new String(copied.gateways().openPassword(copied.gateways().loadPortal())),
                    "the secret reads back with the original key file");
        }
    }

    @Test
    void idsGoOnAfterTheHighestCopiedOne() {
        long last = 0;
        for (int i = 0; i < 3; i++) {
            last = Long.parseLong(run("send", "--flow", "test", "--to", "a@example.org").out().trim());
        }
        assertEquals(0, run("store", "copy", "--to", TestStore.db(otherKind(), other)).code());
        CliRun next = CliRun.run(otherKind(), other, null, "send", "--flow", "test", "--to", "b@example.org");
        assertEquals(0, next.code(), next.err());
        assertEquals(last + 1, Long.parseLong(next.out().trim()));
    }

    @Test
    void idsFollowEachOtherFromOneProcessToTheNext() {
        long first = Long.parseLong(run("send", "--flow", "test", "--to", "a@example.org").out().trim());
        long second = Long.parseLong(run("send", "--flow", "test", "--to", "b@example.org").out().trim());
        assertEquals(first + 1, second, "each command is a new session of the store");
    }

    @Test
    void aTargetThatHoldsDataIsRefusedAndLeftAsItWas() {
        assertEquals(0, run("send", "--flow", "test", "--to", "a@example.org").code());
        CliRun target = CliRun.run(otherKind(), other, null, "send", "--flow", "test", "--to", "kept@example.org");
        assertEquals(0, target.code(), target.err());
        CliRun copy = run("store", "copy", "--to", TestStore.db(otherKind(), other));
        assertEquals(2, copy.code());
        assertTrue(copy.err().startsWith("to: "), copy.err());
        assertTrue(copy.err().contains("outbox_message"), copy.err());
        JsonNode left = CliRun.run(otherKind(), other, null, "outbox", "list", "--json").json();
        assertEquals(1, left.size());
        assertEquals("kept@example.org", left.get(0).get("to").get(0).asText());
    }

    @Test
    void aTargetThatWasOnlyOpenedBeforeCountsAsEmpty() {
        assertEquals(0, CliRun.run(otherKind(), other, null, "store", "show").code());
        assertEquals(0, run("send", "--flow", "test", "--to", "a@example.org").code());
        CliRun copy = run("store", "copy", "--to", TestStore.db(otherKind(), other));
        assertEquals(0, copy.code(), copy.err());
        assertEquals(1, CliRun.run(otherKind(), other, null, "outbox", "list", "--json").json().size());
    }

    @Test
    void copyingAStoreOntoItselfIsRefused() {
        CliRun copy = run("store", "copy", "--to", TestStore.db(store, dir));
        assertEquals(2, copy.code());
        assertTrue(copy.err().startsWith("to: "), copy.err());
    }

}
