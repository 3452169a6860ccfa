package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.Launcher;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.engine.EngineInfo;
import io.cockpit.smtp.core.engine.EngineRunner;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.core.store.StoreNotAnswering;
import io.cockpit.smtp.testing.ChildJvm;
import io.cockpit.smtp.testing.EngineChild;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine process paused with SIGSTOP against a slow server, and a second engine started while it is paused: nobody
 * waits without end, the paused one is taken over only once its heartbeat is stale and its messages only once their
 * lease ran out, and once resumed it stops before its next message. Every message arrives; at most the one in flight
 * twice, with the same Message-ID.
 */
class PausedEngineTest {
    @TempDir Path dir;

    static ScriptedSmtpServer slowServer(long millis) throws Exception {
        return new ScriptedSmtpServer().data(n -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "250 2.0.0 ok " + n;
        });
    }

    Set<String> enqueue(CoreServices s, int n) throws Exception {
        List<NewMessage> many = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            many.add(Outboxes.message("test", "u" + i + "@example.org"));
        }
        Set<String> ids = new HashSet<>();
        for (long id : s.outbox().enqueueAll(many)) {
            ids.add(Outboxes.get(s, id).messageId());
        }
        return ids;
    }

    static Process engine(Path dir, String... settings) throws Exception {
        return EngineChild.start(StoreKind.H2, dir, "local", dir.resolve("engine-" + System.nanoTime() + ".log"), settings);
    }

    static void awaitStarted(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("started", out.readLine());
    }

    @Test
    void aPausedEngineServingTheStoreMakesTheOthersFailAtOnceNamingItAndResumedItSendsEachMessageOnce() throws Exception {
        try (ScriptedSmtpServer server = slowServer(200)) {
            Set<String> stored;
            try (CoreServices s = TestStore.open(dir)) {
                TestStore.plainGateway(s, server.port(), GatewayStatus.ACTIVE);
                stored = enqueue(s, 30);
            }
            // The engine opens the file first: it serves the store to every other process.
            Process a = engine(dir, "batch=5", "connections=1");
            try {
                awaitStarted(a);
                Outboxes.await(() -> server.accepted().size() >= 3, Duration.ofSeconds(60));
                ChildJvm.pause(a);
                long t0 = System.nanoTime();
                Process once = ChildJvm.start(Launcher.class, dir.resolve("once.log"), "--db", dir.resolve("cockpit").toString(),
                        "--key-file", TestStore.keyFile(dir).toString(), "engine", "run", "--once");
                assertTrue(once.waitFor(60, TimeUnit.SECONDS), "a second engine run --once answers in bounded time");
                long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
                String err = Files.readString(dir.resolve("once.log"));
                assertEquals(1, once.exitValue(), err);
                assertTrue(err.contains("process " + a.pid()) && err.contains("stopped") && err.contains("kill -CONT " + a.pid()),
                        err);
                assertTrue(waited < 30, "said at once, not after a wait: " + waited + " s");
                StoreNotAnswering here = assertThrows(StoreNotAnswering.class, () -> TestStore.open(dir).close());
                assertEquals(a.pid(), here.server().orElseThrow().pid());
                ChildJvm.resume(a);
                try (CoreServices s = TestStore.open(dir)) {
                    Outboxes.await(() -> s.outbox().list(OutboxStatus.SENT, null, 0).size() == 30, Duration.ofSeconds(90));
                }
            } finally {
                ChildJvm.resume(a);
                a.destroyForcibly();
                a.waitFor(30, TimeUnit.SECONDS);
            }
            assertEquals(stored, EngineCrashTest.messageIds(server.accepted()));
            assertEquals(30, server.accepted().size(), "nobody else sent anything: each message once");
        }
    }

    @Test
    void aPausedEngineIsTakenOverAfterItsHeartbeatItsMessagesAfterTheirLeaseAndResumedItStopsBeforeItsNextMessage()
            throws Exception {
        try (ScriptedSmtpServer server = slowServer(300); CoreServices s = TestStore.open(dir)) {
            // This process serves the store (as the console would); the paused engine is one of its clients.
            s.gateways().save(TestStore.plainGateway(s, server.port(), GatewayStatus.ACTIVE).toBuilder()
                    .connectTimeoutSeconds(1).readTimeoutSeconds(2).build());
            Set<String> stored = enqueue(s, 30);
            // Lease: 40 s + 3 x (1 + 2) s = 49 s, renewed by the heartbeat; the heartbeat is stale after 20 s.
            Process a = engine(dir, "batch=5", "connections=1", "lease=40");
            EngineRunner b = null;
            try {
                awaitStarted(a);
                Outboxes.await(() -> server.accepted().size() >= 3, Duration.ofSeconds(60));
                String holderA = s.engineRegistry().find("local").orElseThrow().holder();
                ChildJvm.pause(a);
                long paused = System.nanoTime();
                Thread.sleep(500);
                b = s.engineRunner("local");
                while (b.start().isPresent()) {
                    assertTrue(System.nanoTime() - paused < TimeUnit.SECONDS.toNanos(60), "taken over in time");
                    Thread.sleep(250);
                }
                long takenAfter = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - paused);
                assertTrue(takenAfter >= 14, "not before the heartbeat was stale: " + takenAfter + " s");
                List<OutboxMessage> stillA = s.outbox().list(OutboxStatus.SENDING, null, 0).stream()
                        .filter(m -> holderA.equals(m.claimedBy())).toList();
                assertFalse(stillA.isEmpty(), "the paused engine's batch is still in its hands");
                Instant leaseEnd = stillA.get(0).leaseUntil();
                assertTrue(leaseEnd.isAfter(Instant.now()), "its lease still runs");
                // Until its lease ends, its messages stay its own: it may be sending one of them right now.
                Outboxes.await(() -> Instant.now().isAfter(leaseEnd.minusSeconds(2)), Duration.ofSeconds(60));
                for (OutboxMessage m : stillA) {
                    OutboxMessage now = Outboxes.get(s, m.id());
                    assertEquals(OutboxStatus.SENDING, now.status());
                    assertEquals(holderA, now.claimedBy());
                }
                Outboxes.await(() -> s.outbox().list(OutboxStatus.SENT, null, 0).size() == 30, Duration.ofSeconds(120));
                int beforeResume = server.accepted().size();
                ChildJvm.resume(a);
                // It wakes, finds another process holds the engine, and sends nothing more.
                Thread.sleep(8000);
                assertTrue(server.accepted().size() - beforeResume <= 1,
                        "at most the message in flight: " + (server.accepted().size() - beforeResume));
                assertTrue(s.outbox().list(null, null, 0).stream().allMatch(m -> m.status() == OutboxStatus.SENT
                        && m.attempts() == 1), "the resumed engine marked nothing");
            } finally {
                ChildJvm.resume(a);
                a.destroyForcibly();
                a.waitFor(30, TimeUnit.SECONDS);
                if (b != null) {
                    b.stop(Duration.ofSeconds(5));
                }
            }
            List<String> accepted = server.accepted();
            Set<String> arrived = EngineCrashTest.messageIds(accepted);
            assertEquals(stored, arrived, "every message arrived");
            assertTrue(accepted.size() - arrived.size() <= 1, "at most one twice (the one in flight), same Message-ID: "
                    + (accepted.size() - arrived.size()));
            EngineInfo local = s.engineRegistry().find("local").orElseThrow();
            assertEquals(2, local.epoch(), "taken once by the paused engine, once by its successor");
        }
    }

    @Test
    void theLeaseIsRenewedWhileOneLongSendIsInProgress() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(); CoreServices s = TestStore.open(dir)) {
            server.rcpt(a -> {
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "250 2.1.5 ok";
            });
            s.gateways().save(TestStore.plainGateway(s, server.port(), GatewayStatus.ACTIVE).toBuilder()
                    .connectTimeoutSeconds(1).readTimeoutSeconds(3).build());
            // Lease: 1 s + 3 x (1 + 3) s = 13 s; ten recipients at 2.5 s each take about 25 s, and the other lane looks
            // for expired leases every 10 s.
            s.senderSettings(new SenderSettings(10, Duration.ofMillis(100), RetryPolicy.DEFAULT, 2, Duration.ofSeconds(1)));
            EngineRunner runner = s.engineRunner("local");
            assertTrue(runner.start().isEmpty());
            try {
                List<String> to = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    to.add("r" + i + "@example.org");
                }
                long id = s.outbox().enqueue(new NewMessage("test", to, "fr", null, null, null, java.util.Map.of(), null));
                Outboxes.await(() -> Outboxes.get(s, id).status() == OutboxStatus.SENDING, Duration.ofSeconds(10));
                Instant firstLease = Outboxes.get(s, id).leaseUntil();
                Instant[] latest = {firstLease};
                Outboxes.await(() -> {
                    OutboxMessage m = Outboxes.get(s, id);
                    if (m.status() == OutboxStatus.SENDING && m.leaseUntil().isAfter(latest[0])) {
                        latest[0] = m.leaseUntil();
                    }
                    return m.status() == OutboxStatus.SENT;
                }, Duration.ofSeconds(60));
                assertTrue(latest[0].isAfter(firstLease), "the lease was renewed during the send");
            } finally {
                runner.stop(Duration.ofSeconds(5));
            }
            assertEquals(1, server.accepted().size(), "renewed, so no other lane took it back and sent it again");
        }
    }
}
