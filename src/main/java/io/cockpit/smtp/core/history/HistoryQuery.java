package io.cockpit.smtp.core.history;

import java.time.Instant;

/**
 * Which saved changes to read, newest first; every filter may be null (not filtered).
 *
 * @param area "gateway", "format", "user", ...: the part of the section before its colon
 * @param person an operating-system user or a database login, exactly
 * @param since changes saved at or after this instant
 * @param until changes saved before this instant
 * @param limit at most this many (1 or more)
 */
public record HistoryQuery(String area, String person, Instant since, Instant until, int limit) {
    public static HistoryQuery latest(int limit) {
        return new HistoryQuery(null, null, null, null, limit);
    }
}
