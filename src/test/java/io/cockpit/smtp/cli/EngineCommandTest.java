package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cockpit.smtp.Launcher;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.testing.ChildJvm;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import org.junit.jupiter.params.Parameter;

@OnEveryStore
class EngineCommandTest {
    @Parameter StoreKind store;
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    @Test
    void listShowsTheLocalEngineWithTheContractKeys() throws Exception {
        CliRun r = CliRun.run(store, dir, null, "engine", "list", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode a = JSON.readTree(r.out());
        assertEquals("local", a.get(0).get("name").asText());
        for (String key : new String[] {"name", "remote", "online", "lastSeen", "gateway", "host", "version", "queued",
                "deferred", "failed"}) {
            assertTrue(a.get(0).has(key), key);
        }
        assertFalse(a.get(0).get("online").asBoolean());
    }

    @Test
    void listCountsTheMessagesRoutedToEachEngine() throws Exception {
        assertEquals(0, CliRun.run(dir, null, "engine", "add", "lyon", "--remote").code());
        assertEquals(0, CliRun.run(dir, null, "send", "--flow", "ticket-notification", "--to", "a@example.org").code());
        assertEquals(0, CliRun.run(dir, null, "send", "--flow", "feedback", "--to", "b@example.org").code());
        CliRun alert = CliRun.run(dir, null, "send", "--flow", "supervision-alert", "--to", "noc@example.org",
                "--engine", "lyon", "--subject", "Disk full");
        assertEquals(0, alert.code(), alert.err());
        JsonNode a = CliRun.run(dir, null, "engine", "list", "--json").json();
        assertEquals("local", a.get(0).get("name").asText());
        assertEquals(2, a.get(0).get("queued").asInt());
        assertEquals("lyon", a.get(1).get("name").asText());
        assertEquals(1, a.get(1).get("queued").asInt());
        assertEquals(0, a.get(1).get("failed").asInt());
        assertEquals(1, CliRun.run(dir, null, "engine", "show", "lyon", "--json").json().get("queued").asInt());
    }

    @Test
    void portalFlowsLeaveThroughTheGatewaysEngineOnly() throws Exception {
        assertEquals(0, CliRun.run(dir, null, "engine", "add", "lyon", "--remote").code());
        CliRun refused = CliRun.run(dir, null, "send", "--flow", "password-reset", "--to", "a@example.org", "--engine", "lyon");
        assertEquals(2, refused.code());
        assertTrue(refused.err().startsWith("engine: "), refused.err());
        assertEquals(0, CliRun.run(dir, null, "send", "--flow", "password-reset", "--to", "a@example.org", "--engine",
                "local").code(), "naming the gateway's own engine is allowed");
        CliRun alert = CliRun.run(dir, null, "send", "--flow", "supervision-alert", "--to", "noc@example.org", "--engine",
                "lyon", "--subject", "Disk full");
        assertEquals(0, alert.code(), alert.err());
        JsonNode shown = CliRun.run(dir, null, "outbox", "show", alert.out().trim(), "--json").json();
        assertEquals("lyon", shown.get("engine").asText());
    }

    @Test
    void addRegistersAnEngineOnceAndSetGivesItItsOwnGateway() throws Exception {
        assertEquals(0, CliRun.run(store, dir, null, "engine", "add", "dmz", "--remote").code());
        CliRun again = CliRun.run(store, dir, null, "engine", "add", "dmz");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("name:"), again.err());
        CliRun portal = CliRun.run(store, dir, null, "engine", "add", "portal", "--remote");
        assertEquals(2, portal.code());
        assertTrue(portal.err().contains("the name of the portal's gateway"), portal.err());
        CliRun set = CliRun.run(store, dir, null, "engine", "set", "dmz", "--gateway", "specific", "--server", "smtp.dmz.example.com",
                "--port", "2525", "--from", "dmz@example.com");
        assertEquals(0, set.code(), set.err());
        JsonNode shown = JSON.readTree(CliRun.run(store, dir, null, "engine", "show", "dmz", "--json").out());
        assertEquals("specific", shown.get("gateway").asText());
        assertTrue(shown.get("remote").asBoolean());
        assertEquals("smtp.dmz.example.com", shown.get("gatewayConfig").get("server").asText());
        assertEquals(2, CliRun.run(store, dir, null, "engine", "set", "dmz", "--gateway", "elsewhere").code());
        assertEquals(2, CliRun.run(store, dir, null, "engine", "show", "nope").code());
    }

    @Test
    void engineRunSendsInTheBackgroundAndStopsCleanlyOnSigterm() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            try (CoreServices s = TestStore.open(store, dir)) {
                TestStore.plainGateway(s, smtp.getSmtp().getPort(), io.cockpit.smtp.core.gateway.GatewayStatus.ACTIVE);
            }
            Process child = ChildJvm.start(Launcher.class, dir.resolve("engine.log"), TestStore.env(store),
                    "--db", TestStore.db(store, dir), "--key-file", dir.resolve("cockpit-smtp.key").toString(), "engine", "run");
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String first = out.readLine();
                assertNotNull(first, "engine printed nothing");
                assertTrue(first.contains("started"), first);
                CliRun send = CliRun.run(store, dir, null, "send", "--flow", "test", "--to", "a@example.org");
                assertEquals(0, send.code(), send.err());
                assertTrue(smtp.waitForIncomingEmail(20_000, 1), "the running engine sent it");
                JsonNode engines = JSON.readTree(CliRun.run(store, dir, null, "engine", "list", "--json").out());
                assertTrue(engines.get(0).get("online").asBoolean());
                assertEquals(1, CliRun.run(store, dir, null, "engine", "run", "--once").code(), "the engine is held by the running one");
                child.destroy(); // SIGTERM
                assertTrue(child.waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, child.exitValue(), "a clean stop exits 0");
            } finally {
                if (child.isAlive()) {
                    child.destroyForcibly(); // a failed assertion must not leave the engine running
                }
            }
            try (CoreServices s = TestStore.open(store, dir)) {
                assertNull(s.engineRegistry().find("local").orElseThrow().holder(), "released on a clean stop");
                Outboxes.await(() -> s.outbox().list(OutboxStatus.SENT, null, 0).size() == 1, Duration.ofSeconds(5));
            }
        } finally {
            smtp.stop();
        }
    }

    @Test
    void engineTestAsksTheRunningEngineAndPrintsItsStepsLikeGatewayCheck() throws Exception {
        try (io.cockpit.smtp.testing.ScriptedSmtpServer lyonServer = new io.cockpit.smtp.testing.ScriptedSmtpServer()) {
            assertEquals(0, CliRun.run(dir, null, "engine", "add", "lyon", "--remote").code());
            CliRun set = CliRun.run(dir, null, "engine", "set", "lyon", "--gateway", "specific", "--server", "127.0.0.1",
                    "--port", String.valueOf(lyonServer.port()), "--security", "none", "--from", "lyon@example.com",
                    "--connect-timeout", "2", "--read-timeout", "2");
            assertEquals(0, set.code(), set.err());
            Process child = ChildJvm.start(Launcher.class, dir.resolve("engine.log"), "--db", dir.resolve("cockpit").toString(),
                    "--key-file", dir.resolve("cockpit-smtp.key").toString(), "engine", "run", "--name", "lyon");
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertTrue(out.readLine().contains("started"));
                CliRun human = CliRun.run(dir, null, "engine", "test", "lyon", "--to", "noc@example.org");
                assertEquals(0, human.code(), human.out() + human.err());
                assertTrue(human.out().startsWith("Engine lyon runs the test from "), human.out());
                assertTrue(human.out().contains("The server accepted the test email"), human.out());
                assertTrue(human.out().contains("S: 220 scripted.test ESMTP"), human.out());
                JsonNode json = CliRun.run(dir, null, "engine", "test", "lyon", "--json").json();
                assertTrue(json.get("ok").asBoolean());
                assertEquals("done", json.get("outcome").asText());
                assertEquals("lyon", json.get("engine").asText());
                assertEquals("connect", json.get("steps").get(1).get("name").asText());
                assertEquals(1, lyonServer.accepted().size());
            } finally {
                child.destroy();
                child.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }
}
