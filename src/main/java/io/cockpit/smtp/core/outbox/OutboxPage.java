package io.cockpit.smtp.core.outbox;

import java.util.List;

/**
 * One page of a search, newest first.
 *
 * @param next where the next page starts; null when this is the last one
 */
public record OutboxPage(List<OutboxMessage> messages, OutboxQuery.PageKey next) {
    public OutboxPage {
        messages = List.copyOf(messages);
    }

    public boolean hasMore() {
        return next != null;
    }
}
