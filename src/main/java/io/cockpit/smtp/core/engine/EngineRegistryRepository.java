package io.cockpit.smtp.core.engine;

import static io.cockpit.smtp.core.store.SqlTime.instant;
import static io.cockpit.smtp.core.store.SqlTime.odt;

import io.cockpit.smtp.core.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The engine registry with who runs each engine and its heartbeat. */
public final class EngineRegistryRepository {
    private static final String COLUMNS = "name, remote, gateway_mode, holder, last_seen, created_at";
    private final Database db;

    public EngineRegistryRepository(Database db) {
        this.db = db;
    }

    public List<EngineInfo> list() {
        return db.inTransaction(c -> {
            List<EngineInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM engine ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    /** The registered engines' names ("local" is registered by the first migration). */
    public List<String> names() {
        return db.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM engine ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    public Optional<EngineInfo> find(String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM engine WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Registers a new engine; false when the name is taken. */
    public boolean add(String name, boolean remote) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO engine (name, remote) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM engine WHERE name = ?)")) {
                ps.setString(1, name);
                ps.setBoolean(2, remote);
                ps.setString(3, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public boolean setGatewayMode(String name, String mode) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE engine SET gateway_mode = ? WHERE name = ?")) {
                ps.setString(1, mode);
                ps.setString(2, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Takes the engine for {@code holder} when nobody holds it, it holds it already, the holder's heartbeat is older
     * than {@code staleBefore}, or the holder is exactly {@code deadHolder} (known dead). One conditional update, so two
     * processes never both win.
     */
    public boolean acquire(String name, String holder, Instant now, Instant staleBefore, String deadHolder) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE engine SET holder = ?, last_seen = ? WHERE name = ? AND "
                    + "(holder IS NULL OR holder = ? OR last_seen IS NULL OR last_seen < ? OR holder = ?)")) {
                ps.setString(1, holder);
                ps.setObject(2, odt(now));
                ps.setString(3, name);
                ps.setString(4, holder);
                ps.setObject(5, odt(staleBefore));
                ps.setString(6, deadHolder == null ? "" : deadHolder);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Refreshes the heartbeat; false when {@code holder} no longer holds the engine. */
    public boolean heartbeat(String name, String holder, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE engine SET last_seen = ? WHERE name = ? AND holder = ?")) {
                ps.setObject(1, odt(now));
                ps.setString(2, name);
                ps.setString(3, holder);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public void release(String name, String holder) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE engine SET holder = NULL WHERE name = ? AND holder = ?")) {
                ps.setString(1, name);
                ps.setString(2, holder);
                return ps.executeUpdate();
            }
        });
    }

    private static EngineInfo read(ResultSet rs) throws SQLException {
        return new EngineInfo(rs.getString("name"), rs.getBoolean("remote"), rs.getString("gateway_mode"),
                rs.getString("holder"), instant(rs.getObject("last_seen", OffsetDateTime.class)),
                instant(rs.getObject("created_at", OffsetDateTime.class)));
    }
}
