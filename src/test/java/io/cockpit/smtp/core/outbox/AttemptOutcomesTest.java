package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.mail.DeliveryFailure;
import io.cockpit.smtp.core.mail.DeliveryOutcome;
import io.cockpit.smtp.core.mail.PinnedTrust;
import io.cockpit.smtp.core.mail.SmtpBatch;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each server reply or failure makes of a message, against a scripted SMTP peer through the real SMTP client. */
class AttemptOutcomesTest {
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final AttemptOutcomes OUTCOMES = new AttemptOutcomes(RetryPolicy.DEFAULT);

    ScriptedSmtpServer server;
    final List<String> envelope = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() throws Exception {
        server = new ScriptedSmtpServer();
        // Local parts decide the RCPT reply: bad... refused for good, later... refused for now, others accepted.
        server.rcpt(a -> {
            envelope.add(a);
            return a.startsWith("bad") ? "550 5.1.1 no such user" : a.startsWith("later") ? "450 4.2.1 mailbox busy" : "250 ok";
        });
    }

    @AfterEach
    void close() throws Exception {
        server.close();
    }

    GatewayConfig gateway(int port) {
        return GatewayConfig.defaults("portal").toBuilder().status(GatewayStatus.ACTIVE).server("127.0.0.1").port(port)
                .from("itsm@example.com").connectTimeoutSeconds(2).readTimeoutSeconds(2).build();
    }

    static OutboxMessage message(int attempts, Instant createdAt, Recipient... recipients) {
        return new OutboxMessage(7, Flow.TEST, "en", Audience.USER, List.of(recipients), "Test", "Hello", null, Map.of(),
                "<kept@cockpit.test>", "local", OutboxStatus.SENDING, attempts, createdAt, null, "c", NOW.plusSeconds(60),
                createdAt, createdAt, null);
    }

    static Recipient[] pending(String localParts) {
        String[] parts = localParts.split(" ");
        Recipient[] out = new Recipient[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = new Recipient(i, parts[i] + "@example.org", RecipientStatus.PENDING, null);
        }
        return out;
    }

    /** Sends {@code m} over a real connection to the scripted server and classifies what it answered. */
    AttemptResult attempt(OutboxMessage m) throws DeliveryFailure {
        GatewayConfig g = gateway(server.port());
        List<Recipient> pending = AttemptOutcomes.stillToSend(m);
        try (SmtpBatch b = SmtpBatch.open(g, PinnedTrust.of(g.trustedCertificates()), null)) {
            DeliveryOutcome o = b.send(Drafts.of(m, g, NOW), pending.stream().map(Recipient::address).toList());
            return OUTCOMES.of(m, pending, o, NOW);
        }
    }

    @ParameterizedTest(name = "{0} / DATA {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # recipients | reply to DATA                | status   | last error holds            | recipients' outcomes
            good         | 250 2.0.0 queued             | SENT     |                             | ACCEPTED
            good         | 451 4.3.0 try again later    | DEFERRED | 451 4.3.0 try again later   | DEFERRED
            good         | 554 5.7.1 refused by policy  | FAILED   | 554 5.7.1 refused by policy | REJECTED
            bad          | 250 2.0.0 queued             | FAILED   | 550 5.1.1 no such user      | REJECTED
            later        | 250 2.0.0 queued             | DEFERRED | 450 4.2.1 mailbox busy      | DEFERRED
            good bad     | 250 2.0.0 queued             | SENT     | bad@example.org: 550        | ACCEPTED REJECTED
            good later   | 250 2.0.0 queued             | DEFERRED | later@example.org: 450      | ACCEPTED DEFERRED
            bad later    | 250 2.0.0 queued             | DEFERRED | bad@example.org: 550        | REJECTED DEFERRED
            bad bad2     | 250 2.0.0 queued             | FAILED   | bad@example.org: 550        | REJECTED REJECTED
            """)
    void eachReplyLandsInItsStatus(String recipients, String dataReply, OutboxStatus status, String error,
                                   String outcomes) throws Exception {
        server.data(n -> dataReply);
        AttemptResult r = attempt(message(0, NOW, pending(recipients)));
        assertEquals(status, r.status());
        if (error == null) {
            assertNull(r.lastError());
        } else {
            assertTrue(r.lastError().contains(error), r.lastError());
        }
        assertEquals(Arrays.stream(outcomes.split(" ")).map(RecipientStatus::valueOf).toList(),
                r.recipients().stream().map(Recipient::status).toList());
        assertEquals(status == OutboxStatus.SENT ? NOW : null, r.sentAt());
        assertEquals(status == OutboxStatus.DEFERRED, r.nextAttemptAt() != null);
    }

    @Test
    void aConnectionLostInDataDefers() throws Exception {
        server.closeInFirstData();
        AttemptResult r = attempt(message(0, NOW, pending("good")));
        assertEquals(OutboxStatus.DEFERRED, r.status());
        assertTrue(r.lastError().contains("connection lost"), r.lastError());
    }

    @Test
    void aDeferralWaitsThePolicysBackoffForTheAttemptItWas() throws Exception {
        server.data(n -> "451 4.3.0 try again later");
        assertEquals(NOW.plus(Duration.ofMinutes(5)), attempt(message(0, NOW, pending("good"))).nextAttemptAt());
        assertEquals(NOW.plus(Duration.ofMinutes(20)), attempt(message(2, NOW, pending("good"))).nextAttemptAt());
    }

    @Test
    void aDeferralAfterTheRetryWindowFailsAndSaysItGaveUp() throws Exception {
        server.data(n -> "451 4.3.0 try again later");
        AttemptResult r = attempt(message(9, NOW.minus(Duration.ofDays(6)), pending("good")));
        assertEquals(OutboxStatus.FAILED, r.status());
        assertEquals("gave up after 5 days: 451 4.3.0 try again later", r.lastError());
        assertNull(r.nextAttemptAt());
    }

    @Test
    void aRetryGoesOnlyToRecipientsStillToSendAndAnEarlierAcceptanceMakesItSent() throws Exception {
        OutboxMessage m = message(1, NOW, new Recipient(0, "good@example.org", RecipientStatus.ACCEPTED, "250 ok"),
                new Recipient(1, "bad@example.org", RecipientStatus.PENDING, null),
                new Recipient(2, "gone@example.org", RecipientStatus.REJECTED, "550 5.1.1 no such user"));
        AttemptResult r = attempt(m);
        assertEquals(List.of("bad@example.org"), envelope);
        assertEquals(OutboxStatus.SENT, r.status(), "the first recipient accepted it on the first attempt");
        assertEquals(List.of(new Recipient(1, "bad@example.org", RecipientStatus.REJECTED, r.recipients().get(0).reply())),
                r.recipients(), "only the recipient tried changes");
    }

    @Test
    void authenticationConfiguredButNotOfferedFailsTheBatch() {
        server.offerAuth(false);
        GatewayConfig g = gateway(server.port()).toBuilder().auth(Authentication.PASSWORD).username("svc").build();
        DeliveryFailure f = assertThrows(DeliveryFailure.class, () -> SmtpBatch.open(g, PinnedTrust.of(g.trustedCertificates()), "pw".toCharArray()));
        AttemptOutcomes.Unsent u = OUTCOMES.notConnected(List.of(message(0, NOW, pending("good"))), f, NOW);
        assertFalse(u.retryable());
        assertEquals(OutboxStatus.FAILED, u.results().get(0).status());
        assertTrue(u.results().get(0).lastError().contains("does not offer"), u.results().get(0).lastError());
    }

    @Test
    void aServerThatCannotBeReachedDefersTheBatch() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        GatewayConfig g = gateway(closed);
        DeliveryFailure f = assertThrows(DeliveryFailure.class, () -> SmtpBatch.open(g, PinnedTrust.of(g.trustedCertificates()), null));
        AttemptOutcomes.Unsent u = OUTCOMES.notConnected(List.of(message(0, NOW, pending("good")),
                message(3, NOW, pending("later"))), f, NOW);
        assertTrue(u.retryable());
        assertEquals(List.of(OutboxStatus.DEFERRED, OutboxStatus.DEFERRED), u.results().stream().map(AttemptResult::status).toList());
        assertEquals(NOW.plus(Duration.ofMinutes(40)), u.results().get(1).nextAttemptAt(), "each by its own attempts");
        assertTrue(u.reason().contains("cannot connect"), u.reason());
    }

    @Test
    void aSecretThatCannotBeDecryptedOrATokenThatCannotBeHadMakesTheBatchWait() {
        List<OutboxMessage> batch = List.of(message(0, NOW, pending("good")));
        AttemptOutcomes.Unsent secret = OUTCOMES.secretUnavailable(batch,
                new SecretUnavailableException("gateway portal", "the key file changed"), NOW);
        assertTrue(secret.retryable());
        assertEquals(OutboxStatus.DEFERRED, secret.results().get(0).status());
        assertTrue(secret.reason().contains("cannot be decrypted"), secret.reason());
        AttemptOutcomes.Unsent token = OUTCOMES.tokenUnavailable(batch,
                new OAuthException(OAuthException.Reason.UNREACHABLE, "token endpoint unreachable"), NOW);
        assertTrue(token.retryable());
        assertEquals("OAuth 2.0: token endpoint unreachable", token.results().get(0).lastError());
    }
}
