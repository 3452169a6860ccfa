package io.cockpit.smtp.core.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a deferred message is tried again. Defaults like Postfix's: 5 minutes after the first failure, doubling, at most
 * about an hour between tries, given up 5 days after the message was queued.
 */
public record RetryPolicy(Duration first, Duration max, Duration giveUpAfter) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMinutes(5), Duration.ofMinutes(67), Duration.ofDays(5));

    public RetryPolicy {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("retry policy: first > 0, max >= first, giveUpAfter >= 0");
        }
    }

    /**
     * @param attempts the attempts made, this one included (1 after the first failure)
     * @return the next try, or empty when the message must be given up
     */
    public Optional<Instant> next(int attempts, Instant createdAt, Instant now) {
        if (!now.isBefore(createdAt.plus(giveUpAfter))) {
            return Optional.empty();
        }
        Duration delay = first;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        if (delay.compareTo(max) > 0) {
            delay = max;
        }
        return Optional.of(now.plus(delay));
    }
}
