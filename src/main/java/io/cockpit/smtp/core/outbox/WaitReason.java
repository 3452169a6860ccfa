package io.cockpit.smtp.core.outbox;

import java.time.Instant;

/**
 * Why a deferred message waits when it is not a failed attempt: the gateway's provider limit for the day is reached.
 * Said in the message's last error (which the next attempt replaces), in words the CLI prints as they are and a marker
 * the screens recognise to word it in their language.
 */
public final class WaitReason {
    public static final String DAILY_LIMIT = "waiting for the provider's daily limit";

    private WaitReason() {
    }

    static String dailyLimit(int perDay, Instant until) {
        return DAILY_LIMIT + " (" + perDay + " recipients in 24 hours) until " + until;
    }

    /** True when the message waits for its gateway's daily limit to free places, rather than after a failure. */
    public static boolean waitsForDailyLimit(OutboxMessage m) {
        return m.status() == OutboxStatus.DEFERRED && m.lastError() != null && m.lastError().startsWith(DAILY_LIMIT);
    }
}
