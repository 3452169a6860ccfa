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
    private static final String COLUMNS = "id, changed_at, os_user, db_login, source, section, field, old_value, new_value";

    private final Database db;

    public HistoryRepository(Database db) {
        this.db = db;
    }

    /** Appends entries on the caller's connection (inside the caller's transaction). */
    public static void append(Connection c, List<HistoryEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO config_history (changed_at, os_user, db_login, source, "
                + "section, field, old_value, new_value) VALUES (?,?,?,?,?,?,?,?)")) {
            for (HistoryEntry e : entries) {
                ps.setObject(1, odt(e.changedAt()));
                ps.setString(2, e.osUser());
                ps.setString(3, e.dbLogin());
                ps.setString(4, e.source() == null ? null : e.source().cliName());
                ps.setString(5, e.section());
                ps.setString(6, e.field());
                ps.setString(7, clip(e.oldValue()));
                ps.setString(8, clip(e.newValue()));
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
        return search(HistoryQuery.latest(limit));
    }

    /** The changes {@code q} selects, newest first. */
    public List<HistoryEntry> search(HistoryQuery q) {
        StringBuilder where = new StringBuilder("WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (q.area() != null) {
            where.append(" AND (section = ? OR section LIKE ?)");
            args.add(q.area());
            args.add(q.area().replace("%", "").replace("_", "\\_") + ":%");
        }
        if (q.person() != null) {
            where.append(" AND (os_user = ? OR db_login = ?)");
            args.add(q.person());
            args.add(q.person());
        }
        if (q.since() != null) {
            where.append(" AND changed_at >= ?");
            args.add(odt(q.since()));
        }
        if (q.until() != null) {
            where.append(" AND changed_at < ?");
            args.add(odt(q.until()));
        }
        return db.inTransaction(c -> {
            List<HistoryEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM config_history " + where
                    + " ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                for (Object a : args) {
                    ps.setObject(i++, a);
                }
                ps.setInt(i, q.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The id of the latest change (0 when there is none): a screen that shows the history polls it. */
    public long latestId() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM config_history");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Everyone who saved a change: operating-system users and database logins, sorted. */
    public List<String> people() {
        return db.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT os_user FROM config_history UNION "
                    + "SELECT db_login FROM config_history WHERE db_login IS NOT NULL ORDER BY 1");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static HistoryEntry read(ResultSet rs) throws SQLException {
        String source = rs.getString("source");
        return new HistoryEntry(rs.getLong("id"), instant(rs.getObject("changed_at", OffsetDateTime.class)),
                rs.getString("os_user"), rs.getString("db_login"),
                source == null ? null : ChangeSource.fromCli(source).orElse(null), rs.getString("section"),
                rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"));
    }
}
