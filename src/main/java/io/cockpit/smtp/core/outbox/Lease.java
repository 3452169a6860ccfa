package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a claim holds its messages, and when its holder renews it: a third of the way through, so a slow message
 * never lets the lease run out under a live sender (another sender would then send the batch again).
 */
final class Lease {
    private final Duration length;
    private Instant renewedAt;

    private Lease(Duration length, Instant start) {
        this.length = length;
        this.renewedAt = start;
    }

    /** 60 s and three times the gateway's timeouts: room for a connection and a message at their slowest. */
    static Lease claimedAt(GatewayConfig gateway, Instant now) {
        return new Lease(Duration.ofSeconds(60L + 3L * (gateway.connectTimeoutSeconds() + gateway.readTimeoutSeconds())),
                now);
    }

    /** The end of the lease if it is taken or renewed at {@code now}. */
    Instant until(Instant now) {
        return now.plus(length);
    }

    boolean renewalDue(Instant now) {
        return now.isAfter(renewedAt.plus(length.dividedBy(3)));
    }

    void renewed(Instant now) {
        renewedAt = now;
    }
}
