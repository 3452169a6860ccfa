package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import org.junit.jupiter.params.Parameter;

@OnEveryStore
class SendAndOutboxCommandTest {
    @Parameter StoreKind store;
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    @Test
    void sendPrintsTheIdOfTheStoredMessage() throws Exception {
        CliRun r = CliRun.run(store, dir, null, "send", "--flow", "ticket-notification", "--to", "a@example.org,b@example.org",
                "--lang", "en", "--audience", "operator", "--var", "TICKET_ID=42", "--var", "TICKET_TITLE=Printer");
        assertEquals(0, r.code(), r.err());
        long id = Long.parseLong(r.out().trim());
        CliRun show = CliRun.run(store, dir, null, "outbox", "show", String.valueOf(id), "--json");
        assertEquals(0, show.code(), show.err());
        JsonNode o = JSON.readTree(show.out());
        assertEquals("queued", o.get("status").asText());
        assertEquals("Ticket 42: Printer", o.get("subject").asText());
        assertEquals(2, o.get("to").size());
        assertTrue(o.get("messageId").asText().startsWith("<"));
        assertTrue(o.get("headers").has("Subject"));
        assertTrue(o.get("headers").has("Message-ID"));
    }

    @Test
    void aBadRecipientExitsTwoNamingTheFieldAndStoresNothing() throws Exception {
        CliRun r = CliRun.run(store, dir, null, "send", "--flow", "test", "--to", "not-an-address");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("to:"), r.err());
        assertEquals("[]", CliRun.run(store, dir, null, "outbox", "list", "--json").out().trim());
    }

    @Test
    void anAddressHoldingADirectionOverrideExitsTwoNamingTheField() throws Exception {
        CliRun r = CliRun.run(dir, null, "send", "--flow", "test", "--to", "admin\u202Egro.elpmaxe@example.org");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("to: holds a character that cannot stand in an email address"), r.err());
        CliRun g = CliRun.run(dir, null, "gateway", "set", "--from", "itsm\u200b@example.org");
        assertEquals(2, g.code(), g.err());
        assertTrue(g.err().contains("from: holds a character"), g.err());
        assertEquals("[]", CliRun.run(dir, null, "outbox", "list", "--json").out().trim());
    }

    @Test
    void aReportSubjectWithHolesIsSentButWarnedAbout() {
        CliRun r = CliRun.run(store, dir, null, "send", "--flow", "report-notification", "--to", "a@example.org", "--lang", "en",
                "--var", "REPORT_NAME=Incidents", "--var", "PERIOD_START=1 Nov");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("${PERIOD_END}"), r.err());
        assertFalse(r.err().contains("${PERIOD_START}"), r.err());
        CliRun full = CliRun.run(store, dir, null, "send", "--flow", "report-notification", "--to", "a@example.org", "--lang", "en",
                "--var", "REPORT_NAME=Incidents", "--var", "PERIOD_START=1 Nov", "--var", "PERIOD_END=7 Nov");
        assertEquals("", full.err());
    }

    @Test
    void subjectIsRefusedForReportNotifications() {
        CliRun r = CliRun.run(store, dir, null, "send", "--flow", "report-notification", "--to", "a@example.org", "--subject", "x");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("subject:"), r.err());
    }

    @Test
    void unknownFlowExitsTwo() {
        CliRun r = CliRun.run(store, dir, null, "send", "--flow", "newsletter", "--to", "a@example.org");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("flow:"), r.err());
    }

    @Test
    void batchStoresEveryLineAndPrintsOneIdALine() throws Exception {
        String lines = "{\"flow\":\"test\",\"to\":[\"a@example.org\"]}\n"
                + "\n"
                + "{\"flow\":\"report-notification\",\"to\":[\"b@example.org\"],\"lang\":\"en\",\"vars\":{\"REPORT_NAME\":\"Weekly\"}}\n"
                + "{\"flow\":\"password-reset\",\"to\":\"c@example.org\",\"audience\":\"user\"}\n";
        CliRun r = CliRun.run(store, dir, lines, "send", "--batch", "-");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.out().trim().split("\n").length);
        JsonNode list = JSON.readTree(CliRun.run(store, dir, null, "outbox", "list", "--json").out());
        assertEquals(3, list.size());
        for (String key : new String[] {"id", "flow", "to", "subject", "status", "attempts", "nextAttemptAt", "lastError",
                "createdAt", "sentAt", "engine"}) {
            assertTrue(list.get(0).has(key), key);
        }
        assertEquals("password-reset", list.get(0).get("flow").asText(), "newest first");
    }

    @Test
    void batchWithBadLinesStoresNothingAndNamesTheLines() throws Exception {
        Path file = dir.resolve("batch.jsonl");
        Files.writeString(file, "{\"flow\":\"test\",\"to\":[\"a@example.org\"]}\n"
                + "{\"flow\":\"test\",\"to\":[\"broken\"]}\n"
                + "not json\n"
                + "{\"flow\":\"test\",\"to\":[\"d@example.org\"]}\n");
        CliRun r = CliRun.run(store, dir, null, "send", "--batch", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 2: to"), r.err());
        assertTrue(r.err().contains("line 3"), r.err());
        assertFalse(r.err().contains("line 1"), r.err());
        assertEquals("[]", CliRun.run(store, dir, null, "outbox", "list", "--json").out().trim());
    }

    @Test
    void engineRunOnceSendsWhatIsDueAndRetryAndPurgeWork() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            assertEquals(0, CliRun.run(store, dir, null, "gateway", "set", "--status", "active", "--server", "127.0.0.1", "--port",
                    String.valueOf(smtp.getSmtp().getPort()), "--from", "itsm@example.com").code());
            String id = CliRun.run(store, dir, null, "send", "--flow", "user-access", "--to", "new@example.org", "--var", "LOGIN=new").out().trim();
            CliRun run = CliRun.run(store, dir, null, "engine", "run", "--once");
            assertEquals(0, run.code(), run.err());
            assertTrue(smtp.waitForIncomingEmail(5000, 1));
            JsonNode shown = JSON.readTree(CliRun.run(store, dir, null, "outbox", "show", id, "--json").out());
            assertEquals("sent", shown.get("status").asText());
            assertFalse(shown.get("sentAt").isNull());
            assertEquals(2, CliRun.run(store, dir, null, "outbox", "retry", id).code(), "a sent message is not retried");
            CliRun purge = CliRun.run(store, dir, null, "outbox", "purge", "--status", "sent");
            assertEquals(0, purge.code(), purge.err());
            assertTrue(purge.out().startsWith("1 "), purge.out());
            assertEquals(2, CliRun.run(store, dir, null, "outbox", "purge", "--status", "queued").code());
            assertEquals(2, CliRun.run(store, dir, null, "outbox", "purge", "--status", "sent", "--older-than", "soon").code());
        } finally {
            smtp.stop();
        }
    }
}
