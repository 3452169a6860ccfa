package io.cockpit.smtp.core.store;

import java.util.Locale;

/** Which database holds a store: the embedded H2 file (the default) or a PostgreSQL server. */
public enum StoreKind {
    H2,
    POSTGRESQL;

    /** The kind of store a {@code jdbc:} URL opens; anything that is not PostgreSQL is H2. */
    public static StoreKind of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
    }

    /** The name {@code store show} prints: {@code h2} or {@code postgresql}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
