package io.cockpit.smtp.bench;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.outbox.NewMessage;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * In-process throughput of the outbox (enqueue, then drain) against a local SMTP sink, for profiling; the documented
 * benchmark is src/test/scripts/outbox-vs-smtp-source.sh. Args: N PORT [CONNECTIONS].
 */
public final class OutboxThroughput {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int port = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("outbox-bench");
        try (CoreServices s = TestStore.open(dir)) {
            if (args.length > 2) {
                s.senderSettings(io.cockpit.smtp.core.outbox.SenderSettings.DEFAULT.withConnections(Integer.parseInt(args[2])));
            }
            var g = s.gateways().loadPortal();
            s.gateways().save(g.toBuilder().status(GatewayStatus.ACTIVE).server("127.0.0.1").port(port)
                    .from("bench@example.com").build());
            String body = ("x".repeat(75) + "\n").repeat(13);
            List<NewMessage> many = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                many.add(new NewMessage("test", List.of("sink" + i + "@example.com"), "fr", null, "bench " + i, body, Map.of(), null));
            }
            long t0 = System.nanoTime();
            s.outbox().enqueueAll(many);
            long t1 = System.nanoTime();
            var sender = Outboxes.sender(s, "local");
            int handled = sender.drainOnce();
            long t2 = System.nanoTime();
            System.out.printf("enqueue %d: %.2f s (%.0f/s); send %d: %.2f s (%.0f/s); total %.0f msg/s%n", n,
                    (t1 - t0) / 1e9, n / ((t1 - t0) / 1e9), handled, (t2 - t1) / 1e9, n / ((t2 - t1) / 1e9),
                    n / ((t2 - t0) / 1e9));
        }
    }
}
