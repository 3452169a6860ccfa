package io.cockpit.smtp.core.outbox;

import java.time.Instant;

/**
 * The outbox at a glance, for the status bar and the warning banner.
 *
 * @param oldestWaitingSince creation time of the oldest queued or deferred message, null when none waits
 * @param failedSince failures whose last update is after the "since" instant asked for
 */
public record OutboxCounts(long queued, long sending, long deferred, long sent, long failed, Instant oldestWaitingSince,
                           long failedSince) {
    public long waiting() {
        return queued + deferred + sending;
    }
}
