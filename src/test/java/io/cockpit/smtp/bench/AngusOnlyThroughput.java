package io.cockpit.smtp.bench;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.mail.MailDraft;
import io.cockpit.smtp.core.mail.PinnedTrust;
import io.cockpit.smtp.core.mail.SmtpBatch;
import java.time.Instant;
import java.util.List;

/** Calibration for the benchmark: our message building and Angus alone, one reused connection, no store. Args: N PORT. */
public final class AngusOnlyThroughput {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        GatewayConfig g = GatewayConfig.defaults("portal").toBuilder().status(GatewayStatus.ACTIVE).server("127.0.0.1")
                .port(Integer.parseInt(args[1])).from("bench@example.com").build();
        String body = ("x".repeat(75) + "\n").repeat(13);
        long t0 = System.nanoTime();
        try (SmtpBatch b = SmtpBatch.open(g, PinnedTrust.of(g.trustedCertificates()), null)) {
            for (int i = 0; i < n; i++) {
                b.send(new MailDraft("<" + i + ".bench@example.com>", "bench@example.com", null, null,
                        List.of("sink" + i + "@example.com"), "bench " + i, body, null, Instant.now()),
                        List.of("sink" + i + "@example.com"));
            }
        }
        long t1 = System.nanoTime();
        System.out.printf("angus only: %d in %.2f s = %.0f msg/s%n", n, (t1 - t0) / 1e9, n / ((t1 - t0) / 1e9));
    }
}
