package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.engine.EngineInfo;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import org.junit.jupiter.params.Parameter;

/** An engine with a specific gateway sends its messages through that gateway, and only its own messages. */
@OnEveryStore
class EngineGatewayTest {
    @Parameter StoreKind store;
    @TempDir Path dir;

    @Test
    void engineWithASpecificGatewaySendsItsMessagesThroughIt() throws Exception {
        try (ScriptedSmtpServer portalServer = new ScriptedSmtpServer(); ScriptedSmtpServer dmzServer = new ScriptedSmtpServer();
             CoreServices s = TestStore.open(store, dir)) {
            TestStore.plainGateway(s, portalServer.port(), GatewayStatus.ACTIVE);
            s.engineRegistry().add("dmz", true);
            s.engineRegistry().setGatewayMode("dmz", EngineInfo.SPECIFIC);
            GatewayConfig dmz = GatewayConfig.defaults("dmz").toBuilder().engine("dmz").status(GatewayStatus.ACTIVE)
                    .server("127.0.0.1").port(dmzServer.port()).from("dmz@example.com").connectTimeoutSeconds(2)
                    .readTimeoutSeconds(2).build();
            s.gateways().save(dmz);
            long viaDmz = s.outbox().enqueue(new NewMessage("test", List.of("a@example.org"), "en", null, null, null,
                    Map.of(), "dmz"));
            long viaPortal = s.outbox().enqueue(new NewMessage("test", List.of("b@example.org"), "en", null, null, null,
                    Map.of(), null));
            SenderService sender = Outboxes.sender(s, "dmz");
            try {
                assertEquals(1, sender.drainOnce(), "the dmz engine handles only its own message");
            } finally {
                sender.stop(Duration.ofSeconds(1));
            }
            assertEquals(OutboxStatus.SENT, s.outbox().find(viaDmz).orElseThrow().status());
            assertEquals(OutboxStatus.QUEUED, s.outbox().find(viaPortal).orElseThrow().status());
            assertEquals(1, dmzServer.accepted().size());
            assertTrue(dmzServer.accepted().get(0).contains("From: dmz@example.com"), dmzServer.accepted().get(0));
            assertEquals(0, portalServer.connections());
        }
    }
}
