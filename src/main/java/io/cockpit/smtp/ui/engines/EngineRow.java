package io.cockpit.smtp.ui.engines;

import io.cockpit.smtp.core.engine.EngineInfo;
import io.cockpit.smtp.core.engine.EngineMessageCounts;
import io.cockpit.smtp.core.engine.EngineStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One engine as the Moteurs screen shows it, read at one moment.
 *
 * @param sinceSeen how long before that moment its last heartbeat was; null when it never ran
 * @param queued due now or in the hand of its holder ({@code engine list} counts them together)
 */
public record EngineRow(String name, boolean remote, boolean online, Instant lastSeen, Duration sinceSeen, String host,
                        String version, Long pid, Instant startedAt, boolean specificGateway, long queued, long deferred,
                        long failed) {

    static EngineRow of(EngineStatus s, Instant now) {
        EngineInfo e = s.info();
        EngineMessageCounts c = s.counts();
        Duration since = e.lastSeen() == null ? null : Duration.between(e.lastSeen(), now);
        if (since != null && since.isNegative()) {
            // Another machine's clock a little ahead: "just now", never "in 2 s".
            since = Duration.ZERO;
        }
        return new EngineRow(e.name(), e.remote(), s.online(), e.lastSeen(), since, e.host(), e.version(), e.pid(),
                e.startedAt(), e.specificGateway(), c.queued() + c.sending(), c.deferred(), c.failed());
    }

    /** The messages routed to it that nothing sends until it runs: queued, in hand, and deferred. */
    public long waiting() {
        return queued + deferred;
    }

    /** It ran at least once: host, version and last heartbeat are known. */
    public boolean everRan() {
        return lastSeen != null;
    }
}
