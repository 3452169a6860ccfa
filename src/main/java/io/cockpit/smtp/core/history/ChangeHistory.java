package io.cockpit.smtp.core.history;

import java.util.List;

/**
 * Reading the change history (every saved change of the configuration, from a screen, a command or an import).
 * Changes are written by the service that saves them, in the same transaction, through {@link HistoryRepository}.
 */
public final class ChangeHistory {
    private final HistoryRepository repository;

    public ChangeHistory(HistoryRepository repository) {
        this.repository = repository;
    }

    /** The latest {@code limit} changed fields, newest first. */
    public List<HistoryEntry> recent(int limit) {
        return repository.recent(limit);
    }

    /** The changed fields {@code q} selects, newest first. */
    public List<HistoryEntry> search(HistoryQuery q) {
        return repository.search(q);
    }

    /** The id of the latest change; it grows with every save, from any process. */
    public long latestId() {
        return repository.latestId();
    }

    /** Everyone who saved a change, for a filter's choices. */
    public List<String> people() {
        return repository.people();
    }
}
