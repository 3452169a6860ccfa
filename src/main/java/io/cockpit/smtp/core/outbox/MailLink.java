package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.mail.DeliveryOutcome;
import io.cockpit.smtp.core.mail.MailDraft;
import java.time.Duration;
import java.util.List;

/** One open way out for a batch: an SMTP connection, or Microsoft Graph with an application token. */
interface MailLink extends AutoCloseable {
    /**
     * What one message's attempt gave.
     *
     * @param retryAfter the provider asked to wait this long before trying again (Graph's 429/503); null otherwise
     * @param stopBatch nothing more should go through this link: the rest of the batch is given back, or failed with
     *                  {@code failRest}
     * @param failRest when retrying cannot help as the gateway stands (Graph's 403), why the rest of the batch fails
     */
    record Attempt(DeliveryOutcome outcome, Duration retryAfter, boolean stopBatch, String failRest) {
    }

    Attempt send(MailDraft draft, List<String> envelope);

    @Override
    void close();
}
