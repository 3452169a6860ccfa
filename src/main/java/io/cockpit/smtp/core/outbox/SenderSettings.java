package io.cockpit.smtp.core.outbox;

import java.time.Duration;

/**
 * How the sender works.
 *
 * @param batchSize messages claimed at once and sent over one connection
 * @param poll how often it looks for due messages when idle (new messages from this process wake it at once)
 * @param retry the backoff of deferred messages
 */
public record SenderSettings(int batchSize, Duration poll, RetryPolicy retry) {
    public static final SenderSettings DEFAULT = new SenderSettings(100, Duration.ofSeconds(1), RetryPolicy.DEFAULT);

    public SenderSettings withRetry(RetryPolicy r) {
        return new SenderSettings(batchSize, poll, r);
    }
}
