package io.cockpit.smtp.core.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the outbox tells other processes through the store when a change commits (PostgreSQL's NOTIFY; on H2 they
 * poll): messages were queued for an engine, so its sender looks at once rather than at its next poll; messages changed
 * status, so the console's screens refresh. One channel, short payloads: {@code queued:ENGINE} ({@code queued:*} for
 * every engine) and {@code changed:STATUS:ID,ID,...} (no ids when too many to list: refresh everything).
 */
final class OutboxNotices {
    static final String CHANNEL = "cockpit_outbox";
    static final String ANY_ENGINE = "*";
    /** PostgreSQL takes payloads under 8,000 bytes: past this many ids, a change names none. */
    private static final int MAX_IDS = 400;

    private OutboxNotices() {
    }

    /** A notice as read. {@code engine} for a queued one; {@code status} and {@code ids} for a changed one. */
    record Notice(String engine, OutboxStatus status, List<Long> ids) {
        boolean queuedFor(String e) {
            return engine != null && (engine.equals(e) || engine.equals(ANY_ENGINE));
        }
    }

    static String queued(String engine) {
        return "queued:" + engine;
    }

    static String changed(OutboxStatus status, List<Long> ids) {
        StringBuilder s = new StringBuilder("changed:").append(status.cliName()).append(':');
        if (ids.size() <= MAX_IDS) {
            for (int i = 0; i < ids.size(); i++) {
                s.append(i == 0 ? "" : ",").append(ids.get(i));
            }
        }
        return s.toString();
    }

    /**
     * Empty for a payload this version does not know (sent by a newer program). Null (notices may have been missed
     * while the store's connection was down) reads as "anything may have changed, for every engine".
     */
    static Optional<Notice> parse(String payload) {
        if (payload == null) {
            return Optional.of(new Notice(ANY_ENGINE, null, List.of()));
        }
        if (payload.startsWith("queued:")) {
            return Optional.of(new Notice(payload.substring("queued:".length()), null, List.of()));
        }
        if (payload.startsWith("changed:")) {
            String[] parts = payload.split(":", 3);
            Optional<OutboxStatus> status = parts.length < 2 ? Optional.empty() : OutboxStatus.fromCli(parts[1]);
            if (status.isEmpty()) {
                return Optional.empty();
            }
            List<Long> ids = new ArrayList<>();
            if (parts.length == 3 && !parts[2].isEmpty()) {
                for (String id : parts[2].split(",")) {
                    try {
                        ids.add(Long.parseLong(id.trim()));
                    } catch (NumberFormatException e) {
                        return Optional.of(new Notice(null, status.get(), List.of()));
                    }
                }
            }
            return Optional.of(new Notice(null, status.get(), ids));
        }
        return Optional.empty();
    }
}
