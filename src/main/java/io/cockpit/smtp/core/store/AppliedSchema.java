package io.cockpit.smtp.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * What Flyway has recorded in a store, read with one plain query on its history table (standard SQL, the same on
 * H2 and PostgreSQL), so that opening a store that is already up to date costs one query instead of Flyway's
 * set-up, scan and validation.
 *
 * @param latest the highest version applied successfully, empty for a store without history
 * @param clean false when the history holds a failed migration (Flyway must report it)
 */
record AppliedSchema(Optional<SchemaVersion> latest, boolean clean) {
    static final String HISTORY_QUERY = "SELECT \"version\", \"success\" FROM \"flyway_schema_history\"";

    /** Empty when the store has no history table yet (a new store): Flyway is then the one to look. */
    static Optional<AppliedSchema> read(Connection c) {
        SchemaVersion latest = null;
        boolean clean = true;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(HISTORY_QUERY)) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    clean = false;
                } else if (version != null) {
                    SchemaVersion v = SchemaVersion.parse(version);
                    if (latest == null || v.compareTo(latest) > 0) {
                        latest = v;
                    }
                }
            }
        } catch (SQLException | NumberFormatException noHistoryOrUnknownShape) {
            return Optional.empty();
        }
        return Optional.of(new AppliedSchema(Optional.ofNullable(latest), clean));
    }

    /** What opening must do, given the latest version this program knows. */
    SchemaAction actionFor(SchemaVersion known) {
        if (!clean || latest.isEmpty()) {
            return SchemaAction.MIGRATE;
        }
        int c = latest.get().compareTo(known);
        return c == 0 ? SchemaAction.NONE : c < 0 ? SchemaAction.MIGRATE : SchemaAction.REFUSE_NEWER;
    }

    enum SchemaAction { NONE, MIGRATE, REFUSE_NEWER }
}
