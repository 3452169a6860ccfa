package io.cockpit.smtp.core.outbox;

import static io.cockpit.smtp.testing.Outboxes.drain;
import static io.cockpit.smtp.testing.Outboxes.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.mail.MimeMessages;
import io.cockpit.smtp.core.mail.diagnosis.TestCerts;
import io.cockpit.smtp.testing.ByteSearch;
import io.cockpit.smtp.testing.GraphEndpoint;
import io.cockpit.smtp.testing.GraphGateway;
import io.cockpit.smtp.testing.OAuthServer;
import io.cockpit.smtp.testing.TestStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox sending through Microsoft Graph: a real token server, a real HTTPS endpoint, the store on disk. */
class GraphSendTest {
    @TempDir
    static Path certs;
    @TempDir
    Path dir;
    static TestCerts.Cert cert;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final Logger root = Logger.getLogger("");
    private Handler capture;
    private Level rootLevel;

    @BeforeAll
    static void certificate() {
        cert = TestCerts.localhost(certs, "graph");
    }

    @BeforeEach
    void captureLogs() {
        SimpleFormatter f = new SimpleFormatter();
        capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (logBytes) {
                    logBytes.writeBytes(f.format(r).getBytes(StandardCharsets.UTF_8));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    @Test
    void aMessageGoesAsTheSameMimeAsOverSmtpWithTheMailboxAsSender() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            GatewayConfig g = GraphGateway.save(s, oauth, graph, cert.certificate());
            long id = s.outbox().enqueue(new NewMessage("ticket-notification", List.of("jdoe@example.com", "ops@example.com"),
                    "fr", "user", null, null, Map.of("TICKET_ID", "42"), null));
            assertEquals(1, drain(s));

            OutboxMessage m = get(s, id);
            assertEquals(OutboxStatus.SENT, m.status(), m.lastError());
            GraphEndpoint.Received r = graph.received().get(0);
            assertEquals(GraphGateway.MAILBOX, r.mailbox());
            assertEquals("text/plain", r.contentType());
            assertTrue(r.authorization().startsWith("Bearer ey"), "the application's JWT from the token server");
            Map<String, String> tokenRequest = oauth.takeForm();
            assertEquals("client_credentials", tokenRequest.get("grant_type"));
            assertEquals(graph.url() + "/.default", tokenRequest.get("scope"));

            // The very message the SMTP path writes: same builder, same Message-ID and headers, same parts.
            String smtp = MimeMessages.source(Drafts.of(m, g, Instant.now()));
            assertEquals(normalized(smtp), normalized(r.mime()));
            assertTrue(r.mime().contains("Message-ID: " + m.messageId()), r.mime());
            assertTrue(r.mime().contains("Reply-To: support@contoso.com"));
            assertTrue(r.mime().contains("To: jdoe@example.com, ops@example.com"));
            assertTrue(r.mime().contains("From: =?UTF-8?Q?Service_desk_=C3=89t=C3=A9?= <itsm@contoso.com>"), r.mime());

            String token = r.authorization().substring("Bearer ".length());
            assertFalse(ByteSearch.contains(logBytes.toByteArray(), token.getBytes(StandardCharsets.UTF_8)),
                    "the bearer token never reaches a log");
            assertFalse(ByteSearch.contains(logBytes.toByteArray(), GraphGateway.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The boundary and the Date differ between two writes of one message; nothing else may. */
    private static String normalized(String mime) {
        return mime.replaceAll("_Part_[0-9_.]+", "_Part_n").replaceAll("(?m)^Date: .*$", "Date: d").replace("\r\n", "\n");
    }

    @Test
    void throttlingDefersForTheRetryAfterGivenAndTheRestOfTheBatchWaitsThenAllAreSent() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            GraphGateway.save(s, oauth, graph, cert.certificate());
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(s.outbox().enqueue(io.cockpit.smtp.testing.Outboxes.message("feedback", "user" + i + "@example.com")));
            }
            graph.answerNext(202, 0);
            graph.answerNext(202, 0);
            graph.answerNext(429, 2);
            Instant before = Instant.now();
            drain(s);

            long sent = ids.stream().filter(id -> get(s, id).status() == OutboxStatus.SENT).count();
            assertEquals(2, sent);
            OutboxMessage throttled = ids.stream().map(id -> get(s, id)).filter(m -> m.status() == OutboxStatus.DEFERRED)
                    .findFirst().orElseThrow();
            assertTrue(throttled.lastError().contains("429"), throttled.lastError());
            assertTrue(throttled.nextAttemptAt().isBefore(before.plusSeconds(10)),
                    "deferred for the Retry-After (2 s), not the 5-minute backoff: " + throttled.nextAttemptAt());
            assertEquals(0, ids.stream().filter(id -> get(s, id).status() == OutboxStatus.FAILED).count());

            Thread.sleep(2_200);
            drain(s);
            assertEquals(20, ids.stream().filter(id -> get(s, id).status() == OutboxStatus.SENT).count(),
                    "after the wait every message is sent, none failed");
            assertEquals(20, graph.received().size());
        }
    }

    @Test
    void aBatchOfTwoHundredNotificationsIsSentThroughThrottlingByWaitingNotFailing() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            GraphGateway.save(s, oauth, graph, cert.certificate());
            graph.throttleEvery(40, 1);
            List<NewMessage> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                batch.add(new NewMessage("ticket-notification", List.of("user" + i + "@example.com"), "fr", "user", null,
                        null, Map.of("TICKET_ID", String.valueOf(1000 + i)), null));
            }
            List<Long> ids = s.outbox().enqueueAll(batch);
            SenderService engine = io.cockpit.smtp.testing.Outboxes.sender(s, "local");
            engine.start();
            try {
                io.cockpit.smtp.testing.Outboxes.await(() -> ids.stream().allMatch(id -> get(s, id).status() == OutboxStatus.SENT),
                        Duration.ofSeconds(90));
            } finally {
                engine.stop(Duration.ofSeconds(5));
            }
            assertEquals(200, graph.received().size());
            assertEquals(200, graph.received().stream().map(r -> r.mime().replaceAll("(?s).*Message-ID: (\\S+).*", "$1"))
                    .distinct().count(), "each message once");
            assertTrue(graph.rawBodies().size() > 200, "Graph throttled some requests, and they were sent after waiting");
        }
    }

    @Test
    void aMissingPermissionFailsWithTheReasonInPlainWords() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            GraphGateway.save(s, oauth, graph, cert.certificate());
            long a = s.outbox().enqueue(io.cockpit.smtp.testing.Outboxes.message("feedback", "a@example.com"));
            long b = s.outbox().enqueue(io.cockpit.smtp.testing.Outboxes.message("feedback", "b@example.com"));
            graph.answerNext(403, 0);
            drain(s);
            for (long id : List.of(a, b)) {
                OutboxMessage m = get(s, id);
                assertEquals(OutboxStatus.FAILED, m.status());
                assertTrue(m.lastError().contains("Mail.Send"), m.lastError());
            }
            assertEquals(1, graph.rawBodies().size(), "the second message was not posted to a refusing Graph");
        }
    }

    @Test
    void anExpiredTokenDefersAndTheNextTryGetsANewOne() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            GraphGateway.save(s, oauth, graph, cert.certificate());
            java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            graph.acceptTokens(t -> !seen.add(t) || seen.size() > 1); // the first token is refused once
            long id = s.outbox().enqueue(io.cockpit.smtp.testing.Outboxes.message("feedback", "a@example.com"));
            drain(s);
            OutboxMessage m = get(s, id);
            assertEquals(OutboxStatus.DEFERRED, m.status());
            assertTrue(m.lastError().contains("401"), m.lastError());

            s.outbox().retry(id);
            drain(s);
            assertEquals(OutboxStatus.SENT, get(s, id).status(), get(s, id).lastError());
            assertNotNull(oauth.takeForm());
            assertNotNull(oauth.takeForm(), "a second token was asked for");
        }
    }

    @Test
    void theDailyLimitIsSharedByTheGatewaysEnginesAndMakesMessagesWaitNotFail() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            GatewayConfig g = GraphGateway.save(s, oauth, graph, cert.certificate());
            s.gateways().save(g.toBuilder().maxRecipientsPerDay(3).build());
            s.engineRegistry().add("lyon", true);
            List<Long> local = new java.util.ArrayList<>();
            List<Long> lyon = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                local.add(s.outbox().enqueue(io.cockpit.smtp.testing.Outboxes.message("feedback", "l" + i + "@example.com")));
                // A remote engine sends supervision alerts (the portal's flows leave through the gateway's engine).
                lyon.add(s.outbox().enqueue(new NewMessage("supervision-alert", List.of("y" + i + "@example.com"), "fr",
                        "user", "Disk full", "disk", Map.of(), "lyon")));
            }
            drain(s);
            SenderService lyonSender = io.cockpit.smtp.testing.Outboxes.sender(s, "lyon");
            try {
                lyonSender.drainOnce();
            } finally {
                lyonSender.stop(Duration.ofSeconds(1));
            }
            List<OutboxMessage> all = new java.util.ArrayList<>();
            local.forEach(id -> all.add(get(s, id)));
            lyon.forEach(id -> all.add(get(s, id)));
            assertEquals(3, all.stream().filter(m -> m.status() == OutboxStatus.SENT).count(), "three places a day, shared");
            OutboxMessage waiting = all.stream().filter(m -> m.status() != OutboxStatus.SENT).findFirst().orElseThrow();
            assertEquals(OutboxStatus.DEFERRED, waiting.status());
            assertTrue(WaitReason.waitsForDailyLimit(waiting), waiting.lastError());
            assertEquals(0, waiting.attempts(), "waiting for the limit is not a failed attempt");
            assertTrue(waiting.nextAttemptAt().isAfter(Instant.now().plus(Duration.ofHours(23))),
                    "it waits until the window frees: " + waiting.nextAttemptAt());
            assertEquals(3, graph.received().size());
        }
    }
}
