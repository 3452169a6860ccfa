package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import org.junit.jupiter.params.Parameter;

/** Failure modes against a scripted SMTP peer: each outcome lands in the right status, nothing is lost. */
@OnEveryStore
class SenderFailureTest {
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

    @Test
    void temporaryFailureDefersThenRetrySends() throws Exception {
        server.data(n -> n == 1 ? "451 4.3.0 try again later" : "250 2.0.0 ok");
        long id = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));
        Instant before = Instant.now();
        Outboxes.drain(s);
        OutboxMessage m = Outboxes.get(s, id);
        assertEquals(OutboxStatus.DEFERRED, m.status());
        assertEquals(1, m.attempts());
        assertTrue(m.lastError().contains("451"), m.lastError());
        assertTrue(m.nextAttemptAt().isAfter(before.plusSeconds(4 * 60)), "first retry about 5 minutes later");
        assertEquals(0, Outboxes.drain(s), "not due yet");
        s.outbox().retry(id);
        Outboxes.drain(s);
        m = Outboxes.get(s, id);
        assertEquals(OutboxStatus.SENT, m.status());
        assertEquals(2, m.attempts());
        assertEquals(1, server.accepted().size());
    }

    @Test
    void permanentFailureFailsAtOnceWithTheReply() throws Exception {
        server.data(n -> "554 5.7.1 message refused by policy");
        long id = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));
        Outboxes.drain(s);
        OutboxMessage m = Outboxes.get(s, id);
        assertEquals(OutboxStatus.FAILED, m.status());
        assertTrue(m.lastError().contains("554 5.7.1 message refused by policy"), m.lastError());
    }

    @Test
    void connectionClosedInDataDefersAndNothingIsLost() throws Exception {
        server.closeInFirstData();
        List<Long> ids = s.outbox().enqueueAll(List.of(Outboxes.message("test", "a@example.org"),
                Outboxes.message("test", "b@example.org"), Outboxes.message("test", "c@example.org")));
        Outboxes.drain(s);
        assertEquals(OutboxStatus.DEFERRED, Outboxes.get(s, ids.get(0)).status());
        assertTrue(Outboxes.get(s, ids.get(0)).lastError().contains("connection lost"), Outboxes.get(s, ids.get(0)).lastError());
        assertEquals(OutboxStatus.SENT, Outboxes.get(s, ids.get(1)).status(), "the others go on a new connection");
        assertEquals(OutboxStatus.SENT, Outboxes.get(s, ids.get(2)).status());
        s.outbox().retryAll(OutboxStatus.DEFERRED);
        Outboxes.drain(s);
        for (long id : ids) {
            assertEquals(OutboxStatus.SENT, Outboxes.get(s, id).status());
        }
        assertEquals(3, server.accepted().size());
    }

    @Test
    void silentServerDefersAfterTheReadTimeout() throws Exception {
        server.silent();
        long id = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));
        Outboxes.drain(s);
        OutboxMessage m = Outboxes.get(s, id);
        assertEquals(OutboxStatus.DEFERRED, m.status());
        assertTrue(m.lastError().toLowerCase().contains("timed out") || m.lastError().toLowerCase().contains("timeout"),
                m.lastError());
    }

    @Test
    void authConfiguredButNotOfferedFailsAndSendsNothing() throws Exception {
        server.offerAuth(false);
        GatewayConfig g = s.gateways().loadPortal();
        char[] pw = "s3cret".toCharArray();
        s.gateways().save(g.toBuilder().auth(Authentication.PASSWORD).username("svc")
                .password(s.gateways().sealPassword(g.name(), pw)).build());
        long id = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));
        Outboxes.drain(s);
        OutboxMessage m = Outboxes.get(s, id);
        assertEquals(OutboxStatus.FAILED, m.status());
        assertTrue(m.lastError().contains("does not offer"), m.lastError());
        assertTrue(server.accepted().isEmpty(), "nothing sent in clear");
    }

    @Test
    void unreadableKeyDefersWithTheReasonAndNeverSends() throws Exception {
        server.offerAuth(true);
        GatewayConfig g = s.gateways().loadPortal();
        s.gateways().save(g.toBuilder().auth(Authentication.PASSWORD).username("svc")
                .password(s.gateways().sealPassword(g.name(), "pw".toCharArray())).build());
        long id = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));
        s.close();
        Files.delete(TestStore.keyFile(dir));
        Files.writeString(TestStore.keyFile(dir), "damaged");
        s = TestStore.open(store, dir);
        Outboxes.drain(s);
        OutboxMessage m = Outboxes.get(s, id);
        assertEquals(OutboxStatus.DEFERRED, m.status());
        assertTrue(m.lastError().contains("cannot be decrypted"), m.lastError());
        assertEquals(0, server.connections(), "no connection made without the password");
    }

    @Test
    void eachRecipientKeepsItsOwnOutcome() throws Exception {
        server.rcpt(a -> a.startsWith("bad") ? "550 5.1.1 no such user" : a.startsWith("later") ? "450 4.2.1 mailbox busy" : "250 ok");
        long id = s.outbox().enqueue(new NewMessage("test", List.of("good@example.org", "bad@example.org", "later@example.org"),
                "en", null, null, null, Map.of(), null));
        Outboxes.drain(s);
        OutboxMessage m = Outboxes.get(s, id);
        assertEquals(OutboxStatus.DEFERRED, m.status(), "a recipient is still to be tried");
        assertEquals(RecipientStatus.ACCEPTED, m.recipients().get(0).status());
        assertEquals(RecipientStatus.REJECTED, m.recipients().get(1).status());
        assertTrue(m.recipients().get(1).reply().contains("550"), m.recipients().get(1).reply());
        assertEquals(RecipientStatus.DEFERRED, m.recipients().get(2).status());
        server.rcpt(a -> a.startsWith("bad") ? "550 5.1.1 no such user" : "250 ok");
        s.outbox().retry(id);
        Outboxes.drain(s);
        m = Outboxes.get(s, id);
        assertEquals(OutboxStatus.SENT, m.status());
        assertEquals(RecipientStatus.ACCEPTED, m.recipients().get(2).status());
        assertEquals(2, server.accepted().size(), "first to good, then to later only");
    }

    @Test
    void givesUpAfterTheRetryWindow() throws Exception {
        s.senderSettings(SenderSettings.DEFAULT.withRetry(new RetryPolicy(java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(60), java.time.Duration.ZERO)));
        server.data(n -> "421 4.3.2 shutting down");
        long id = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));
        Outboxes.drain(s);
        OutboxMessage m = Outboxes.get(s, id);
        assertEquals(OutboxStatus.FAILED, m.status());
        assertTrue(m.lastError().startsWith("gave up"), m.lastError());
    }

    @Test
    void aCappedRateIsPacedOnOneConnection() throws Exception {
        GatewayConfig g = s.gateways().loadPortal();
        s.gateways().save(g.toBuilder().maxPerMinute(100_000).build());
        s.senderSettings(new SenderSettings(2, java.time.Duration.ofMillis(100), RetryPolicy.DEFAULT, 4));
        server.data(n -> {
            try {
                Thread.sleep(50); // slow enough that parallel connections, if any, would overlap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "250 ok";
        });
        List<NewMessage> ten = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(Outboxes.message("test", "u" + i + "@example.org"));
        }
        List<Long> ids = s.outbox().enqueueAll(ten);
        Outboxes.drain(s);
        ids.forEach(id -> assertEquals(OutboxStatus.SENT, Outboxes.get(s, id).status()));
        assertEquals(1, server.maxConcurrentSessions(), "one connection at a time, though 4 are allowed");
    }
}
