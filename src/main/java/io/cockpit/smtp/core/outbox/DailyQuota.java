package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A gateway's daily recipient limit (Exchange Online: 10,000 recipients a day per mailbox; Gmail: see the preset),
 * shared by every engine sending through the gateway. Providers count over a rolling 24 hours; sends are counted by
 * the hour they start in, and an hour stays counted for 25 hours, so each recipient is counted for at least 24.
 */
final class DailyQuota {
    static final Duration WINDOW = Duration.ofHours(25);

    private final SendCountRepository counts;

    DailyQuota(SendCountRepository counts) {
        this.counts = counts;
    }

    boolean capped(GatewayConfig g) {
        return g.maxRecipientsPerDay() > 0;
    }

    /** Places left now; meaningful only for a capped gateway. */
    long remaining(GatewayConfig g, Instant now) {
        return g.maxRecipientsPerDay() - counts.used(g.name(), now.minus(WINDOW));
    }

    /** When the oldest counted hour leaves the window (an hour from now when nothing is counted, a cap of 0 aside). */
    Instant freesAt(GatewayConfig g, Instant now) {
        Instant oldest = counts.oldestHour(g.name(), now.minus(WINDOW));
        Instant at = oldest == null ? now.plus(Duration.ofHours(1)) : oldest.plus(WINDOW);
        return at.isAfter(now) ? at : now.plus(Duration.ofMinutes(1));
    }

    /**
     * Counts {@code recipients} for one attempt if they fit.
     *
     * @return the hour they were counted in (to give them back), or null when they do not fit
     */
    Instant reserve(GatewayConfig g, int recipients, Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        return counts.reserve(g.name(), hour, recipients, g.maxRecipientsPerDay(), now.minus(WINDOW)) ? hour : null;
    }

    /** Places given back: recipients the provider did not take. */
    void release(GatewayConfig g, Instant hour, int recipients) {
        if (recipients > 0) {
            counts.release(g.name(), hour, recipients);
        }
    }
}
