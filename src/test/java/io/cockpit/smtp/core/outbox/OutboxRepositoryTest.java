package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.validation.ValidationException;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxRepositoryTest {
    @TempDir Path dir;

    static NewMessage msg(String to) {
        return new NewMessage("ticket-notification", List.of(to), "fr", "user", null, null,
                Map.of("TICKET_ID", "42", "TICKET_TITLE", "Imprimante"), null);
    }

    @Test
    void enqueuedMessageKeepsItsFieldsAndOneMessageId() throws Exception {
        try (CoreServices s = TestStore.open(dir)) {
            long id = s.outbox().enqueue(msg("a@example.com"));
            OutboxMessage m = s.outbox().find(id).orElseThrow();
            assertEquals(OutboxStatus.QUEUED, m.status());
            assertEquals(Flow.TICKET_NOTIFICATION, m.flow());
            assertEquals(List.of("a@example.com"), m.to());
            assertEquals("Ticket 42 : Imprimante", m.subject());
            assertTrue(m.messageId().matches("<[^@>]+@[^>]+>"), m.messageId());
            assertEquals("local", m.engine());
            assertEquals(Map.of("TICKET_ID", "42", "TICKET_TITLE", "Imprimante"), m.vars());
            assertNotNull(m.htmlBody());
        }
    }

    @Test
    void batchWithOneBadLineStoresNothingAndNamesTheLine() throws Exception {
        try (CoreServices s = TestStore.open(dir)) {
            ValidationException e = assertThrows(ValidationException.class, () -> s.outbox().enqueueAll(List.of(
                    msg("a@example.com"), msg("not-an-address"), msg("b@example.com"))));
            assertEquals("line 2: to", e.problems().get(0).field());
            assertTrue(s.outbox().list(null, null, 10).isEmpty());
        }
    }

    @Test
    void subjectIsRefusedForReportNotification() throws Exception {
        try (CoreServices s = TestStore.open(dir)) {
            ValidationException e = assertThrows(ValidationException.class, () -> s.outbox().enqueue(new NewMessage(
                    "report-notification", List.of("a@example.com"), "en", null, "mine", null, Map.of(), null)));
            assertEquals("subject", e.problems().get(0).field());
        }
    }

    @Test
    void twoClaimantsRacingNeverHoldTheSameMessage() throws Exception {
        try (CoreServices s = TestStore.open(dir)) {
            List<NewMessage> many = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                many.add(msg("u" + i + "@example.com"));
            }
            s.outbox().enqueueAll(many);
            OutboxRepository repo = new OutboxRepository(s.database());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String claimant = "claimant-" + t;
                futures.add(pool.submit(() -> {
                    go.await();
                    List<Long> mine = new ArrayList<>();
                    List<OutboxMessage> got;
                    do {
                        Instant now = Instant.now();
                        got = repo.claim("local", claimant, now, now.plusSeconds(60), 7);
                        got.forEach(m -> mine.add(m.id()));
                        // A claimant holds one batch at a time: it records the outcomes before claiming again.
                        repo.record(claimant, got.stream().map(m -> new AttemptResult(m.id(), OutboxStatus.SENT, null, null,
                                Instant.now(), List.of())).toList(), Instant.now());
                    } while (!got.isEmpty());
                    return mine;
                }));
            }
            go.countDown();
            List<Long> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            pool.shutdown();
            Set<Long> distinct = new HashSet<>(all);
            assertEquals(400, all.size(), "every message claimed");
            assertEquals(400, distinct.size(), "no message claimed twice");
        }
    }

    @Test
    void expiredLeaseIsRecoveredAndTakeBackIsImmediate() throws Exception {
        try (CoreServices s = TestStore.open(dir)) {
            long a = s.outbox().enqueue(msg("a@example.com"));
            long b = s.outbox().enqueue(msg("b@example.com"));
            OutboxRepository repo = new OutboxRepository(s.database());
            Instant now = Instant.now();
            repo.claim("local", "dead-1", now, now.minusSeconds(1), 1);
            repo.claim("local", "dead-2", now, now.plusSeconds(600), 1);
            assertEquals(1, repo.recoverExpired("local", Instant.now()));
            assertEquals(OutboxStatus.SENDING, s.outbox().find(b).orElseThrow().status());
            assertEquals(1, repo.takeBack("local", "me", Instant.now()));
            assertEquals(OutboxStatus.QUEUED, s.outbox().find(a).orElseThrow().status());
            assertEquals(OutboxStatus.QUEUED, s.outbox().find(b).orElseThrow().status());
        }
    }
}
