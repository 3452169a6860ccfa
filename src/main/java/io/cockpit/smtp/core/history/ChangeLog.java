package io.cockpit.smtp.core.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects the fields that differ between the stored and the new version of a record, for the history. */
public final class ChangeLog {
    private final String section;
    private final Instant at;
    private final Author author;
    private final List<HistoryEntry> entries = new ArrayList<>();

    /** @param author who saves the change, and from where; null for a change only shown (an import's dry run) */
    public ChangeLog(String section, Author author) {
        this.section = section;
        this.at = Instant.now();
        this.author = author == null ? new Author(currentOsUser(), null, null) : author;
    }

    /** A change that is only shown, never saved (what an import would do). */
    public ChangeLog(String section) {
        this(section, null);
    }

    public static String currentOsUser() {
        String u = System.getProperty("user.name");
        return u == null || u.isBlank() ? "unknown" : u;
    }

    public ChangeLog field(String field, Object oldValue, Object newValue) {
        String o = oldValue == null ? null : String.valueOf(oldValue);
        String n = newValue == null ? null : String.valueOf(newValue);
        if (!Objects.equals(o, n)) {
            add(field, o, n);
        }
        return this;
    }

    /** Records only whether a secret was set, changed or removed. */
    public ChangeLog secret(String field, Object oldSealed, Object newSealed) {
        if (!Objects.equals(oldSealed, newSealed)) {
            String o = oldSealed == null ? null : HistoryEntry.SECRET_SET;
            String n = newSealed == null ? null : (oldSealed == null ? HistoryEntry.SECRET_SET : HistoryEntry.SECRET_CHANGED);
            add(field, o, n);
        }
        return this;
    }

    private void add(String field, String oldValue, String newValue) {
        entries.add(new HistoryEntry(0, at, author.osUser(), author.dbLogin(), author.source(), section, field, oldValue,
                newValue));
    }

    public List<HistoryEntry> entries() {
        return List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
