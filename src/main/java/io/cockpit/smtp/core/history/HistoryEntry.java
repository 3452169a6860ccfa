package io.cockpit.smtp.core.history;

import java.time.Instant;

/**
 * One changed field of one saved change. Secrets are never recorded, only that they were set, changed or removed.
 *
 * @param id its place in the history (0 until stored); a later change has a higher one
 * @param osUser the operating-system user that saved it
 * @param dbLogin the database login that saved it, on a server store; null on an H2 file and before roles existed
 * @param source where it was saved from; null for changes saved before this was recorded
 * @param section "gateway:portal", "format", "user:NAME", ...
 */
public record HistoryEntry(long id, Instant changedAt, String osUser, String dbLogin, ChangeSource source, String section,
                           String field, String oldValue, String newValue) {
    public static final String SECRET_SET = "(set)";
    public static final String SECRET_CHANGED = "(changed)";
    public static final String SECRET_NONE = null;

    /** Who saved it, as roles name people: the database login on a server store, else the operating-system user. */
    public String who() {
        return dbLogin != null ? dbLogin : osUser;
    }

    /** The area of the configuration: the section up to its colon ("gateway", "format", "user"). */
    public String area() {
        int colon = section.indexOf(':');
        return colon < 0 ? section : section.substring(0, colon);
    }
}
