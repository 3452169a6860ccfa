package io.cockpit.smtp.core.history;

import static io.cockpit.smtp.core.store.SqlTime.instant;
import static io.cockpit.smtp.core.store.SqlTime.odt;

import io.cockpit.smtp.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The change history: written in the same transaction as the change it describes. */
public final class HistoryRepository {
    private final Database db;

    public HistoryRepository(Database db) {
        this.db = db;
    }

    /** Appends entries on the caller's connection (inside the caller's transaction). */
    public static void append(Connection c, List<HistoryEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO config_history (changed_at, os_user, section, field, old_value, new_value) VALUES (?,?,?,?,?,?)")) {
            for (HistoryEntry e : entries) {
                ps.setObject(1, odt(e.changedAt()));
                ps.setString(2, e.osUser());
                ps.setString(3, e.section());
                ps.setString(4, e.field());
                ps.setString(5, clip(e.oldValue()));
                ps.setString(6, clip(e.newValue()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String clip(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
    }

    /** Newest first. */
    public List<HistoryEntry> recent(int limit) {
        return db.inTransaction(c -> {
            List<HistoryEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT changed_at, os_user, section, field, old_value, new_value FROM config_history ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new HistoryEntry(instant(rs.getObject(1, OffsetDateTime.class)), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }
}
