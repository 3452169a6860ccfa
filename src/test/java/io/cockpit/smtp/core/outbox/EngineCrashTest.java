package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.engine.EngineRegistration;
import io.cockpit.smtp.core.engine.EngineRunner;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.testing.EngineChild;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crashes and concurrency: nothing is lost, nothing is sent twice by two live engines. */
class EngineCrashTest {
    static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID: (<[^>]+>)");
    @TempDir Path dir;

    static Set<String> messageIds(List<String> sources) {
        Set<String> ids = new HashSet<>();
        for (String src : sources) {
            Matcher m = MESSAGE_ID.matcher(src);
            assertTrue(m.find(), "a Message-ID in every message");
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void engineKilledMidBatchLosesNothingAfterRestart() throws Exception {
        int n = 400;
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            server.data(i -> {
                try {
                    Thread.sleep(30); // a slow server (4 connections: about 130 msg/s), so the kill lands mid-batch
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "250 2.0.0 ok " + i;
            });
            Set<String> stored = new HashSet<>();
            try (CoreServices s = TestStore.open(dir)) {
                TestStore.plainGateway(s, server.port(), GatewayStatus.ACTIVE);
                List<NewMessage> many = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    many.add(Outboxes.message("test", "u" + i + "@example.org"));
                }
                for (long id : s.outbox().enqueueAll(many)) {
                    stored.add(Outboxes.get(s, id).messageId());
                }
            }
            Process child = EngineChild.start(StoreKind.H2, dir, "local", dir.resolve("engine.log"));
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("started", out.readLine());
                Outboxes.await(() -> server.accepted().size() >= 30, Duration.ofSeconds(60));
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            int beforeRestart = server.accepted().size();
            assertTrue(beforeRestart < n, "killed before the end");
            try (CoreServices s = TestStore.open(dir)) {
                EngineRunner runner = s.engineRunner("local");
                assertTrue(runner.start().isEmpty(), "the dead holder on this host is taken over at once");
                try {
                    Outboxes.await(() -> s.outbox().list(OutboxStatus.SENT, null, 0).size() == n, Duration.ofSeconds(90));
                } finally {
                    runner.stop(Duration.ofSeconds(10));
                }
                assertTrue(s.outbox().list(null, null, 0).stream().allMatch(m -> m.status() == OutboxStatus.SENT));
            }
            assertEquals(stored, messageIds(server.accepted()), "every stored message arrived (at least once)");
        }
    }

    @Test
    void twoSendersOnOneDatabaseSendEveryMessageExactlyOnce() throws Exception {
        int n = 300;
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(); CoreServices s = TestStore.open(dir)) {
            TestStore.plainGateway(s, server.port(), GatewayStatus.ACTIVE);
            s.senderSettings(new SenderSettings(10, Duration.ofMillis(100), RetryPolicy.DEFAULT));
            // Two senders under one hold of the engine (as two connections of one engine are): their claims race.
            EngineRegistration hold = Outboxes.register(s, "local");
            SenderService a = s.sender(hold, hold.holder() + "-a", null);
            SenderService b = s.sender(hold, hold.holder() + "-b", null);
            a.start();
            b.start();
            try {
                List<NewMessage> many = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    many.add(Outboxes.message("test", "u" + i + "@example.org"));
                }
                s.outbox().enqueueAll(many);
                Outboxes.await(() -> s.outbox().list(OutboxStatus.SENT, null, 0).size() == n, Duration.ofSeconds(90));
            } finally {
                a.stop(Duration.ofSeconds(10));
                b.stop(Duration.ofSeconds(10));
            }
            assertEquals(n, server.accepted().size(), "no message sent twice");
            assertEquals(n, messageIds(server.accepted()).size());
        }
    }
}
