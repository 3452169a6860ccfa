package io.cockpit.smtp.core.outbox;

import java.time.Duration;

/**
 * How the sender works.
 *
 * @param batchSize messages claimed at once and sent over one connection
 * @param poll how often it looks for due messages when idle (new messages from this process wake it at once)
 * @param retry the backoff of deferred messages
 * @param connections SMTP connections used in parallel, each with its own batches (1 whenever the gateway caps the
 *                    rate); 4 by default, below the concurrent-connection limits of the usual providers
 * @param leaseBase the part of a claim's lease that does not depend on the gateway's timeouts (60 s; tests shorten it)
 */
public record SenderSettings(int batchSize, Duration poll, RetryPolicy retry, int connections, Duration leaseBase) {
    public static final SenderSettings DEFAULT = new SenderSettings(200, Duration.ofSeconds(1), RetryPolicy.DEFAULT, 4);

    public SenderSettings {
        if (batchSize < 1 || connections < 1) {
            throw new IllegalArgumentException("batchSize and connections must be at least 1");
        }
    }

    public SenderSettings(int batchSize, Duration poll, RetryPolicy retry, int connections) {
        this(batchSize, poll, retry, connections, Duration.ofSeconds(60));
    }

    public SenderSettings(int batchSize, Duration poll, RetryPolicy retry) {
        this(batchSize, poll, retry, DEFAULT.connections());
    }

    public SenderSettings withRetry(RetryPolicy r) {
        return new SenderSettings(batchSize, poll, r, connections, leaseBase);
    }

    public SenderSettings withConnections(int n) {
        return new SenderSettings(batchSize, poll, retry, n, leaseBase);
    }

    public SenderSettings withLeaseBase(Duration d) {
        return new SenderSettings(batchSize, poll, retry, connections, d);
    }
}
