package io.cockpit.smtp.core.outbox;

import java.util.List;

/**
 * Something changed in the outbox: messages changed status (ids and new status), or the sender's state changed
 * (gateway inactive with messages waiting, engine started or stopped).
 */
public record OutboxEvent(Type type, List<Long> ids, OutboxStatus status, String detail) {
    public enum Type { MESSAGES_CHANGED, GATEWAY_INACTIVE, ENGINE_STARTED, ENGINE_STOPPED }

    public OutboxEvent {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public static OutboxEvent changed(List<Long> ids, OutboxStatus status) {
        return new OutboxEvent(Type.MESSAGES_CHANGED, ids, status, null);
    }
}
