package io.cockpit.smtp.core.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns, the one way every repository does it. */
public final class SqlTime {
    private SqlTime() {
    }

    /** For {@code setObject}: drivers map an {@link OffsetDateTime}, not an {@link Instant}, to the column type. */
    public static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    /** From {@code getObject(col, OffsetDateTime.class)}; null stays null. */
    public static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
