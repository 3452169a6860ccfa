package io.cockpit.smtp.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A message as stored in the outbox. */
public record OutboxMessage(long id, Flow flow, String lang, Audience audience, List<Recipient> recipients,
                            String subject, String body, String htmlBody, Map<String, String> vars, String messageId,
                            String engine, OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError,
                            String claimedBy, Instant leaseUntil, Instant createdAt, Instant updatedAt, Instant sentAt) {
    public OutboxMessage {
        recipients = List.copyOf(recipients);
        vars = vars == null ? Map.of() : Map.copyOf(vars);
    }

    public List<String> to() {
        return recipients.stream().map(Recipient::address).toList();
    }
}
