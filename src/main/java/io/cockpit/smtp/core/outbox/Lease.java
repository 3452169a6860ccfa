package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The leases of one engine holder's claims: how long a claim holds its messages, and their renewal. The engine's
 * heartbeat renews every message held under the holder's epoch once a third of the lease has passed, on its own thread,
 * so a send that takes long (a slow server, many recipients) never lets the lease of a live holder run out. A lane
 * checks before each message that its batch is still surely its own; if renewals failed for almost a whole lease (the
 * store did not answer, the process was paused) it stops, since another holder may have taken the batch back.
 */
final class Lease {
    /** Kept between a lease's end and the last message started under it, for clocks a little apart (less for short leases). */
    static final Duration MARGIN = Duration.ofSeconds(10);

    private final Claimant holder;
    private final OutboxClaimRepository claims;
    private final Duration base;
    private final Clock clock;
    private volatile Duration length;
    private volatile Instant renewedAt = Instant.EPOCH;

    /** @param base the part of the lease that does not depend on the gateway (60 s) */
    Lease(Claimant holder, OutboxClaimRepository claims, Duration base, Clock clock) {
        this.holder = holder;
        this.claims = claims;
        this.base = base;
        this.length = base;
        this.clock = clock;
    }

    /** The base (60 s) and three times the gateway's timeouts: room for a connection and a message at their slowest. */
    Duration lengthFor(GatewayConfig gateway) {
        return base.plusSeconds(3L * (gateway.connectTimeoutSeconds() + gateway.readTimeoutSeconds()));
    }

    /** The end of the lease of a batch claimed at {@code now} with {@code gateway}. */
    Instant claimUntil(GatewayConfig gateway, Instant now) {
        Duration l = lengthFor(gateway);
        length = l;
        return now.plus(l);
    }

    /** Renews every message the holder's lanes hold, when a third of the lease has passed since the last renewal. */
    void renewIfDue() {
        Instant now = clock.instant();
        Duration l = length;
        if (now.isAfter(renewedAt.plus(l.dividedBy(3)))) {
            claims.renewLeases(holder, now.plus(l));
            renewedAt = now;
        }
    }

    /** Whether a batch claimed at {@code claimedAt} is surely still held at {@code now}. */
    boolean held(Instant claimedAt, Instant now) {
        Instant from = renewedAt.isAfter(claimedAt) ? renewedAt : claimedAt;
        Duration l = length;
        Duration margin = l.dividedBy(6).compareTo(MARGIN) < 0 ? l.dividedBy(6) : MARGIN;
        return now.isBefore(from.plus(l).minus(margin));
    }
}
