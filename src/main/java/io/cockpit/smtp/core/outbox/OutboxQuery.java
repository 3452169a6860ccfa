package io.cockpit.smtp.core.outbox;

import java.time.Instant;

/**
 * A search of the outbox (File d'envoi, {@code outbox list}), run in the store, newest first, a page at a time. Every
 * filter may be null (not filtered); they all apply together.
 *
 * @param to one recipient's address, whatever its case
 * @param subject a piece of the subject, whatever its case
 * @param messageId the Message-ID, with or without its angle brackets
 * @param since created at or after
 * @param until created before
 * @param limit the page's size (1 or more)
 * @param after the last message of the previous page; null for the first page
 */
public record OutboxQuery(OutboxStatus status, Flow flow, String engine, String to, String subject, String messageId,
                          Instant since, Instant until, int limit, PageKey after) {
    public static OutboxQuery newest(int limit) {
        return new OutboxQuery(null, null, null, null, null, null, null, null, limit, null);
    }

    /** The same search, the page after {@code key}. */
    public OutboxQuery after(PageKey key) {
        return new OutboxQuery(status, flow, engine, to, subject, messageId, since, until, limit, key);
    }

    /** Where a page ends: the next one starts after this message, in the order newest first. */
    public record PageKey(Instant createdAt, long id) {
    }
}
