package io.cockpit.smtp.ui.outbox;

import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxMessage;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import java.time.Instant;

/** One line of the File d'envoi table: an immutable snapshot of a stored message. */
public record OutboxRow(long id, OutboxStatus status, Flow flow, String recipients, String subject, int attempts,
                        Instant nextAttemptAt, String lastError, Instant createdAt) {
    public static OutboxRow of(OutboxMessage m) {
        boolean waiting = m.status() == OutboxStatus.QUEUED || m.status() == OutboxStatus.DEFERRED;
        return new OutboxRow(m.id(), m.status(), m.flow(), String.join(", ", m.to()), m.subject(), m.attempts(),
                waiting ? m.nextAttemptAt() : null, m.lastError(), m.createdAt());
    }

    public boolean retryable() {
        return status == OutboxStatus.DEFERRED || status == OutboxStatus.FAILED;
    }
}
