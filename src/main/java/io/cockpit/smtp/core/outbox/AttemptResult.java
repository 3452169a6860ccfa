package io.cockpit.smtp.core.outbox;

import java.time.Instant;
import java.util.List;

/**
 * What one delivery attempt did to a claimed message, written back in one go.
 *
 * @param recipients the recipients whose outcome changed (others keep theirs)
 * @param nextAttemptAt when a deferred message is tried again (ignored otherwise)
 */
public record AttemptResult(long id, OutboxStatus status, Instant nextAttemptAt, String lastError, Instant sentAt,
                            List<Recipient> recipients) {
    public AttemptResult {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
