package io.cockpit.smtp.core.outbox;

import java.time.Instant;
import java.util.List;

/**
 * What one delivery attempt did to a claimed message, written back in one go.
 *
 * @param recipients the recipients whose outcome changed (others keep theirs)
 * @param nextAttemptAt when a deferred message is tried again (ignored otherwise)
 * @param counted false when the message was never tried because the configuration prevents sending (a secret that
 *                cannot be decrypted, no OAuth grant, credentials refused): such a wait is not an attempt
 */
public record AttemptResult(long id, OutboxStatus status, Instant nextAttemptAt, String lastError, Instant sentAt,
                            List<Recipient> recipients, boolean counted) {
    public AttemptResult {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    public AttemptResult(long id, OutboxStatus status, Instant nextAttemptAt, String lastError, Instant sentAt,
                         List<Recipient> recipients) {
        this(id, status, nextAttemptAt, lastError, sentAt, recipients, true);
    }
}
