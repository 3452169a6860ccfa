package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the configuration prevents sending, messages wait without an attempt counted and are never given up. The
 * policy here gives up at once: any attempt counted would fail the message on the spot.
 */
class ConfigurationWaitTest {
    static final RetryPolicy GIVE_UP_AT_ONCE = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO);

    @TempDir
    Path dir;
    ScriptedSmtpServer server;
    CoreServices s;

    @BeforeEach
    void open() throws Exception {
        server = new ScriptedSmtpServer().offerAuth(true);
        s = TestStore.open(dir);
        s.senderSettings(new SenderSettings(10, Duration.ofMillis(50), GIVE_UP_AT_ONCE));
        TestStore.plainGateway(s, server.port(), GatewayStatus.ACTIVE);
    }

    @AfterEach
    void close() throws Exception {
        s.close();
        server.close();
    }

    GatewayConfig withPassword() throws Exception {
        GatewayConfig g = s.gateways().loadPortal();
        return s.gateways().save(g.toBuilder().auth(Authentication.PASSWORD).username("svc")
                .password(s.gateways().sealPassword(g.name(), "pw".toCharArray())).build());
    }

    OutboxMessage afterTwoRounds() throws Exception {
        long id = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));
        Outboxes.drain(s);
        Thread.sleep(5);
        Outboxes.drain(s);
        return Outboxes.get(s, id);
    }

    void assertWaitingUncounted(OutboxMessage m, String reason) {
        assertEquals(OutboxStatus.DEFERRED, m.status(), m.lastError());
        assertEquals(0, m.attempts());
        assertTrue(m.lastError().contains(reason), m.lastError());
    }

    @Test
    void aSecretThatCannotBeDecryptedIsNoAttempt() throws Exception {
        withPassword();
        s.close();
        Files.writeString(TestStore.keyFile(dir), "damaged");
        s = TestStore.open(dir);
        s.senderSettings(new SenderSettings(10, Duration.ofMillis(50), GIVE_UP_AT_ONCE));

        assertWaitingUncounted(afterTwoRounds(), "cannot be decrypted");
        assertEquals(0, server.connections());
    }

    @Test
    void anOAuthGatewayWithoutGrantIsNoAttempt() throws Exception {
        GatewayConfig g = s.gateways().loadPortal();
        s.gateways().save(g.toBuilder().auth(Authentication.OAUTH2).username("svc@example.com")
                .oauth(new GatewayConfig.OAuthSettings(OAuthProvider.CUSTOM, null, "app", null,
                        "https://login.example.com/token", null, null)).build());

        assertWaitingUncounted(afterTwoRounds(), "OAuth 2.0");
    }

    @Test
    void credentialsTheServerRefusesAreNoAttempt() throws Exception {
        withPassword();
        server.auth(secret -> "535 5.7.8 Authentication credentials invalid");

        assertWaitingUncounted(afterTwoRounds(), "refused the authentication");
    }

    @Test
    void anUnreachableServerIsStillAnAttempt() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        s.gateways().save(s.gateways().loadPortal().toBuilder().port(closed).build());
        long id = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));

        Outboxes.drain(s);

        OutboxMessage m = Outboxes.get(s, id);
        assertEquals(OutboxStatus.FAILED, m.status(), "this policy gives up at the first counted attempt");
        assertEquals(1, m.attempts());
    }
}
