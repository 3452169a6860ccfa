package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import org.junit.jupiter.params.Parameter;

/** The sender's lanes, through the service the engine runs: parallel connections, one start, a stop mid-batch. */
@OnEveryStore
class SenderLanesTest {
    @Parameter StoreKind store;
    @TempDir Path dir;
    ScriptedSmtpServer server;
    CoreServices s;

    @BeforeEach
    void open() throws Exception {
        server = new ScriptedSmtpServer();
        s = TestStore.open(store, dir);
        TestStore.plainGateway(s, server.port(), GatewayStatus.ACTIVE);
    }

    @AfterEach
    void close() throws Exception {
        s.close();
        server.close();
    }

    List<Long> enqueue(int n) throws Exception {
        List<NewMessage> many = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            many.add(Outboxes.message("test", "u" + i + "@example.org"));
        }
        return s.outbox().enqueueAll(many);
    }

    void slowServer(long millis) {
        server.data(n -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "250 2.0.0 ok " + n;
        });
    }

    @Test
    void withoutACapEachConnectionSendsItsOwnBatchesInParallel() throws Exception {
        s.senderSettings(new SenderSettings(2, Duration.ofMillis(100), RetryPolicy.DEFAULT, 4));
        slowServer(50);
        List<Long> ids = enqueue(20);
        assertEquals(20, Outboxes.drain(s));
        ids.forEach(id -> assertEquals(OutboxStatus.SENT, Outboxes.get(s, id).status()));
        assertEquals(20, server.accepted().size(), "each message once");
        assertTrue(server.maxConcurrentSessions() > 1, "connections overlapped: " + server.maxConcurrentSessions());
    }

    @Test
    void startingTwiceStartsTheLanesOnce() throws Exception {
        s.senderSettings(new SenderSettings(10, Duration.ofMillis(100), RetryPolicy.DEFAULT, 3));
        List<OutboxEvent> seen = new CopyOnWriteArrayList<>();
        s.outbox().events().subscribe(seen::add);
        SenderService sender = Outboxes.sender(s, "local");
        sender.start();
        sender.start();
        try {
            assertTrue(sender.running());
            assertEquals(1, seen.stream().filter(e -> e.type() == OutboxEvent.Type.ENGINE_STARTED).count());
        } finally {
            assertTrue(sender.stop(Duration.ofSeconds(10)));
        }
        assertFalse(sender.running());
        assertEquals(1, seen.stream().filter(e -> e.type() == OutboxEvent.Type.ENGINE_STOPPED).count());
    }

    @Test
    void stopFinishesTheMessageInHandAndGivesBackTheRest() throws Exception {
        s.senderSettings(new SenderSettings(50, Duration.ofMillis(100), RetryPolicy.DEFAULT, 1));
        slowServer(300);
        enqueue(20);
        SenderService sender = Outboxes.sender(s, "local");
        sender.start();
        try {
            Outboxes.await(() -> !server.accepted().isEmpty(), Duration.ofSeconds(30));
        } finally {
            assertTrue(sender.stop(Duration.ofSeconds(10)), "ended within the grace");
        }
        List<OutboxMessage> all = s.outbox().list(null, null, 0);
        long sent = all.stream().filter(m -> m.status() == OutboxStatus.SENT).count();
        List<OutboxMessage> queued = all.stream().filter(m -> m.status() == OutboxStatus.QUEUED).toList();
        assertEquals(server.accepted().size(), sent, "what the server accepted is recorded sent");
        assertEquals(20, sent + queued.size(), "nothing left in hand");
        assertFalse(queued.isEmpty(), "the rest of the batch was given back");
        assertTrue(queued.stream().allMatch(m -> m.attempts() == 0 && m.claimedBy() == null), "untouched");
    }
}
