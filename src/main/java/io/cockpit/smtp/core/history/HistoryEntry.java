package io.cockpit.smtp.core.history;

import java.time.Instant;

/**
 * One changed field of one saved change. Secrets are never recorded, only that they were set, changed or removed.
 *
 * @param section "gateway:portal", "format", ...
 */
public record HistoryEntry(Instant changedAt, String osUser, String section, String field, String oldValue,
                           String newValue) {
    public static final String SECRET_SET = "(set)";
    public static final String SECRET_CHANGED = "(changed)";
    public static final String SECRET_NONE = null;
}
