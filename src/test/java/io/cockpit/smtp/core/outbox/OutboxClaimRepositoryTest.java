package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.engine.EngineRegistration;
import io.cockpit.smtp.core.engine.EngineRegistry;
import io.cockpit.smtp.core.engine.EngineRegistryRepository;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Claims and leases on a real store: who holds which message, and what only the holder may change. */
@OnEveryStore
class OutboxClaimRepositoryTest {
    @Parameter StoreKind store;
    @TempDir Path dir;
    CoreServices s;
    OutboxClaimRepository claims;

    @BeforeEach
    void open() {
        s = TestStore.open(store, dir);
        claims = new OutboxClaimRepository(s.database());
    }

    @AfterEach
    void close() {
        s.close();
    }

    List<Long> enqueue(int n) throws Exception {
        List<NewMessage> many = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            many.add(Outboxes.message("test", "u" + i + "@example.com"));
        }
        return s.outbox().enqueueAll(many);
    }

    static List<Long> ids(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::id).toList();
    }

    static AttemptResult sent(long id) {
        return new AttemptResult(id, OutboxStatus.SENT, null, null, Instant.now(), List.of());
    }

    @Test
    void twoClaimantsRacingNeverHoldTheSameMessage() throws Exception {
        enqueue(400);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Claimant claimant = new Claimant("local", "claimant-" + t, 0);
            futures.add(pool.submit(() -> {
                go.await();
                List<Long> mine = new ArrayList<>();
                List<OutboxMessage> got;
                do {
                    Instant now = Instant.now();
                    got = claims.claim(claimant, now, now.plusSeconds(60), 7);
                    mine.addAll(ids(got));
                    // A claimant holds one batch at a time: it records the outcomes before claiming again.
                    claims.record(claimant, got.stream().map(m -> sent(m.id())).toList(), Instant.now());
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

    @Test
    void aSecondClaimTakesTheNextRowsNotTheOnesAnUncommittedClaimHolds() throws Exception {
        List<Long> ids = enqueue(4);
        Claimant first = new Claimant("local", "first", 0);
        Claimant second = new Claimant("local", "second", 0);
        Instant now = Instant.now();
        CompletableFuture<List<OutboxMessage>> secondGot = new CompletableFuture<>();
        Thread[] secondThread = new Thread[1];
        List<OutboxMessage> firstGot = s.database().atomically(() -> {
            // The first claim stays uncommitted. On H2 the second reads the same two rows as still queued, its update
            // waits for the first to commit, matches none of them, and it reads again.
            List<OutboxMessage> got = claims.claim(first, now, now.plusSeconds(60), 2);
            secondThread[0] = new Thread(() -> {
                try {
                    secondGot.complete(claims.claim(second, now, now.plusSeconds(60), 2));
                } catch (RuntimeException e) {
                    secondGot.completeExceptionally(e);
                }
            }, "second-claimant");
            secondThread[0].start();
            if (store == StoreKind.POSTGRESQL) {
                // FOR UPDATE SKIP LOCKED: the second claim does not wait for the first; it skips its rows at once.
                assertEquals(2, secondGot.get(10, TimeUnit.SECONDS).size(), "taken while the first is uncommitted");
            } else {
                awaitBlockedInTheStore(secondThread[0]);
            }
            return got;
        });
        List<Long> secondIds = ids(secondGot.get(30, TimeUnit.SECONDS));
        assertEquals(2, firstGot.size());
        assertEquals(2, secondIds.size(), "the rows it read were taken; it read again and took the next ones");
        Set<Long> both = new HashSet<>(ids(firstGot));
        both.addAll(secondIds);
        assertEquals(new HashSet<>(ids), both);
    }

    /**
     * The heartbeat's renewal and the lanes' outcome commit of one engine lock the same rows in different orders: on
     * PostgreSQL the renewal skips a row an uncommitted outcome holds (no wait, so no deadlock) and renews the others.
     */
    @Test
    void aLeaseRenewalOnPostgresqlDoesNotWaitForARowAnOutcomeCommitHolds() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(store == StoreKind.POSTGRESQL, "H2 keeps its waiting update");
        enqueue(3);
        Claimant lane = new Claimant("local", "lane", 0);
        Instant now = Instant.now();
        List<OutboxMessage> held = claims.claim(lane, now, now.plusSeconds(60), 3);
        CompletableFuture<Integer> renewed = new CompletableFuture<>();
        s.database().atomically(() -> {
            // The outcome of the first message, not committed yet: its row is locked.
            claims.recordAll(List.of(Map.entry(lane, List.of(sent(held.get(0).id())))), Instant.now());
            Thread heartbeat = new Thread(() -> {
                try {
                    renewed.complete(claims.renewLeases(lane, Instant.now().plusSeconds(600)));
                } catch (RuntimeException e) {
                    renewed.completeExceptionally(e);
                }
            }, "heartbeat");
            heartbeat.start();
            assertEquals(2, renewed.get(10, TimeUnit.SECONDS), "the two other rows, at once");
            return null;
        });
        assertEquals(OutboxStatus.SENT, Outboxes.get(s, held.get(0).id()).status());
    }

    /** Until the thread waits on a row lock (the second claim's update); the deadline only keeps a broken test from hanging. */
    void awaitBlockedInTheStore(Thread t) throws InterruptedException {
        if (store == StoreKind.POSTGRESQL) {
            // The thread waits in a socket read (RUNNABLE): the server says who waits for a lock.
            Outboxes.await(() -> TestStore.lockWaiters(s) > 0, Duration.ofSeconds(20));
            return;
        }
        Outboxes.await(() -> (t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.WAITING)
                && Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("org.h2.")),
                Duration.ofSeconds(20));
    }

    @Test
    void deferredMessagesDueAreClaimedBeforeQueuedOnes() throws Exception {
        enqueue(2);
        Claimant c = new Claimant("local", "c", 0);
        Instant now = Instant.now();
        long deferred = claims.claim(c, now, now.plusSeconds(60), 1).get(0).id();
        claims.record(c, List.of(new AttemptResult(deferred, OutboxStatus.DEFERRED, now.minusSeconds(1), "451 later",
                null, List.of())), now);
        List<OutboxMessage> next = claims.claim(c, Instant.now(), Instant.now().plusSeconds(60), 1);
        assertEquals(List.of(deferred), ids(next), "the deferred one, not the other queued one");
        assertEquals(1, next.get(0).attempts());
    }

    @Test
    void aClaimCarriesTheMessagesContentAndRecipients() throws Exception {
        long id = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));
        Instant now = Instant.now();
        OutboxMessage m = claims.claim(new Claimant("local", "c", 0), now, now.plusSeconds(60), 10).get(0);
        assertEquals(id, m.id());
        assertEquals(OutboxStatus.SENDING, m.status());
        assertEquals("c", m.claimedBy());
        assertEquals(List.of("a@example.org"), m.to());
        assertEquals(s.outbox().find(id).orElseThrow().messageId(), m.messageId(), "one Message-ID across attempts");
        assertFalse(m.body().isEmpty());
    }

    @Test
    void onlyTheHolderRecordsReleasesOrRenewsAndEachLaneIsItsOwnHolder() throws Exception {
        List<Long> ids = enqueue(2);
        Claimant holder = new Claimant("local", "h", 0);
        Claimant lane = holder.lane(1);
        assertSame(holder, holder.lane(0));
        Instant now = Instant.now();
        claims.claim(holder, now, now.plusSeconds(60), 1);
        claims.claim(lane, now, now.plusSeconds(60), 1);
        assertEquals(0, claims.record(lane, List.of(sent(ids.get(0))), now), "the lane does not hold the first");
        assertEquals(1, claims.renewLease(lane, now.plusSeconds(600)));
        assertEquals(1, claims.release(holder, ids, now), "the holder gives back only its own");
        assertEquals(OutboxStatus.QUEUED, Outboxes.get(s, ids.get(0)).status());
        OutboxMessage second = Outboxes.get(s, ids.get(1));
        assertEquals(OutboxStatus.SENDING, second.status());
        assertEquals("h/1", second.claimedBy());
        assertTrue(second.leaseUntil().isAfter(now.plusSeconds(500)), "renewed");
    }

    @Test
    void anOutcomeOfAMessageTakenBackIsNotRecorded() throws Exception {
        long id = enqueue(1).get(0);
        Claimant slow = new Claimant("local", "slow", 0);
        Instant now = Instant.now();
        claims.claim(slow, now, now.minusSeconds(1), 1);
        assertEquals(1, claims.takeBack(new Claimant("local", "next-holder", 0), Instant.now(), null));
        assertEquals(0, claims.record(slow, List.of(sent(id)), Instant.now()));
        OutboxMessage m = Outboxes.get(s, id);
        assertEquals(OutboxStatus.QUEUED, m.status());
        assertEquals(0, m.attempts());
    }

    @Test
    void takeBackTakesExpiredLeasesAndWhatADeadHolderHeldButLeavesAPausedHoldersLease() throws Exception {
        List<Long> ids = enqueue(3);
        Instant now = Instant.now();
        claims.claim(new Claimant("local", "expired", 0), now, now.minusSeconds(1), 1);
        claims.claim(new Claimant("local", "paused", 0), now, now.plusSeconds(600), 1);
        assertEquals(1, claims.recoverExpired(new Claimant("local", "me", 0), Instant.now()));
        assertEquals(OutboxStatus.QUEUED, Outboxes.get(s, ids.get(0)).status());
        claims.claim(new Claimant("local", "expired", 0), now, now.minusSeconds(1), 1);
        assertEquals(1, claims.takeBack(new Claimant("local", "me", 0), Instant.now(), null),
                "only the expired lease: a paused holder may be sending its message right now");
        assertEquals(OutboxStatus.SENDING, Outboxes.get(s, ids.get(1)).status());
        assertEquals(1, claims.takeBack(new Claimant("local", "me", 0), Instant.now(), 0L),
                "a holder whose process is gone: at once");
        assertTrue(ids.stream().allMatch(id -> Outboxes.get(s, id).status() == OutboxStatus.QUEUED));
    }

    @Test
    void aClaimantWhoseEngineWasTakenOverChangesNothing() throws Exception {
        List<Long> ids = enqueue(3);
        EngineRegistration first = Outboxes.register(s, "local");
        Claimant old = new Claimant("local", first.holder(), first.epoch());
        Instant now = Instant.now();
        List<OutboxMessage> held = claims.claim(old, now, now.plusSeconds(60), 2);
        assertEquals(2, held.size());
        // Another process takes the engine once the first one's heartbeat is stale (here: its clock is 30 s ahead).
        EngineRegistry later = new EngineRegistry(new EngineRegistryRepository(s.database()),
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30)), s.access());
        EngineRegistration second = later.acquire("local", EngineRegistry.newHolderId()).registration();
        assertEquals(first.epoch() + 1, second.epoch());
        assertTrue(claims.claim(old, Instant.now(), Instant.now().plusSeconds(60), 5).isEmpty(), "no new claim");
        assertEquals(0, claims.record(old, List.of(sent(held.get(0).id())), Instant.now()), "no outcome");
        assertEquals(0, claims.renewLease(old, Instant.now().plusSeconds(600)), "no renewal");
        assertEquals(0, claims.renewLeases(old, Instant.now().plusSeconds(600)), "no renewal");
        assertEquals(0, claims.release(old, ids(held), Instant.now()), "no give-back");
        assertEquals(0, claims.recoverExpired(old, Instant.now().plusSeconds(3600)), "no recovery");
        OutboxMessage m = Outboxes.get(s, held.get(0).id());
        assertEquals(OutboxStatus.SENDING, m.status());
        assertEquals(0, m.attempts());
        Claimant now2 = new Claimant("local", second.holder(), second.epoch());
        assertEquals(0, claims.takeBack(now2, Instant.now(), null), "the old holder's lease still runs");
        assertEquals(2, claims.takeBack(now2, Instant.now().plusSeconds(61), null), "after its lease, the new holder's");
        assertEquals(3, claims.claim(now2, Instant.now().plusSeconds(61), Instant.now().plusSeconds(120), 5).size());
    }

    @Test
    void aClaimantGetsBackAtOnceWhatItStillHeldFromABatchItHadToLeave() throws Exception {
        List<Long> ids = enqueue(3);
        Claimant lane = new Claimant("local", "lane", 0);
        Instant now = Instant.now();
        List<OutboxMessage> left = claims.claim(lane, now, now.plusSeconds(600), 2);
        assertEquals(2, left.size());
        // Its outcomes could not be written (the store stopped answering); the next round is its own again.
        List<OutboxMessage> next = claims.claim(lane, Instant.now(), Instant.now().plusSeconds(600), 5);
        assertEquals(new HashSet<>(ids), new HashSet<>(ids(next)), "what it held, and the next due one");
        assertTrue(claims.claim(new Claimant("local", "lane", 7), Instant.now(), Instant.now().plusSeconds(600), 5)
                .isEmpty(), "not under another epoch");
    }

    @Test
    void dueMeansWaitingAndDueNowForThatEngine() throws Exception {
        enqueue(1);
        Instant now = Instant.now();
        assertTrue(claims.hasDue("local", now));
        assertFalse(claims.hasDue("dmz", now));
        assertFalse(claims.hasDue("local", now.minusSeconds(60)), "not due before its next attempt");
        claims.claim(new Claimant("local", "c", 0), now, now.plusSeconds(60), 1);
        assertFalse(claims.hasDue("local", now), "a message in hand is not due");
    }
}
