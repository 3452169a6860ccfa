package io.cockpit.smtp.ui.outbox;

import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxMessage;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.core.outbox.WaitReason;
import java.time.Instant;

/**
 * One line of the File d'envoi table: an immutable snapshot of a stored message.
 *
 * @param dailyLimit the message waits for its gateway's daily limit to free places (not after a failure)
 */
public record OutboxRow(long id, OutboxStatus status, Flow flow, String recipients, String subject, int attempts,
                        Instant nextAttemptAt, String lastError, Instant createdAt, boolean dailyLimit) {
    public static OutboxRow of(OutboxMessage m) {
        boolean waiting = m.status() == OutboxStatus.QUEUED || m.status() == OutboxStatus.DEFERRED;
        return new OutboxRow(m.id(), m.status(), m.flow(), String.join(", ", m.to()), m.subject(), m.attempts(),
                waiting ? m.nextAttemptAt() : null, m.lastError(), m.createdAt(), WaitReason.waitsForDailyLimit(m));
    }

    public boolean retryable() {
        return status == OutboxStatus.DEFERRED || status == OutboxStatus.FAILED;
    }
}
