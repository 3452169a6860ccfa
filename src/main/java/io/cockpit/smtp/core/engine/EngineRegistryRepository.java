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
import java.util.function.Predicate;

/** The engine registry with who runs each engine, its heartbeat and its epoch. */
public final class EngineRegistryRepository {
    private static final String COLUMNS = "name, remote, gateway_mode, holder, last_seen, created_at, epoch, host, pid, "
            + "version, started_at, machine";
    private final Database db;

    public EngineRegistryRepository(Database db) {
        this.db = db;
    }

    /** The process taking an engine, as it is shown in the registry. */
    record Process(String host, long pid, String version, String machine) {
    }

    /**
     * The outcome of {@link #acquire}.
     *
     * @param epoch the new epoch; null when a live holder keeps the engine
     * @param deadEpoch the epoch of the holder taken over because its process is known to be gone, else null
     */
    record Taken(Long epoch, Long deadEpoch) {
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
     * than {@code staleBefore}, or the holder's process is known to be gone. The row is locked while this decides, so
     * two processes never both win; the epoch goes up by one.
     *
     * @return null when the engine is not registered
     */
    Taken acquire(String name, String holder, Instant now, Instant staleBefore, Predicate<String> deadHolder, Process self) {
        return db.inTransaction(c -> {
            String current;
            Instant lastSeen;
            long epoch;
            String machine;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT holder, last_seen, epoch, machine FROM engine WHERE name = ? FOR UPDATE")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    current = rs.getString(1);
                    lastSeen = instant(rs.getObject(2, OffsetDateTime.class));
                    epoch = rs.getLong(3);
                    machine = rs.getString(4);
                }
            }
            // Known dead only on its own machine: another machine may carry the same host name and reuse the pid.
            boolean sameMachine = self.machine().equals(machine);
            boolean dead = current != null && !current.equals(holder) && sameMachine && deadHolder.test(current);
            boolean free = current == null || current.equals(holder) || lastSeen == null || lastSeen.isBefore(staleBefore)
                    || dead;
            if (!free) {
                return new Taken(null, null);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE engine SET holder = ?, last_seen = ?, epoch = ?, host = ?, "
                    + "pid = ?, version = ?, started_at = ?, machine = ? WHERE name = ?")) {
                ps.setString(1, holder);
                ps.setObject(2, odt(now));
                ps.setLong(3, epoch + 1);
                ps.setString(4, self.host());
                ps.setLong(5, self.pid());
                ps.setString(6, self.version());
                ps.setObject(7, odt(now));
                ps.setString(8, self.machine());
                ps.setString(9, name);
                ps.executeUpdate();
            }
            return new Taken(epoch + 1, dead ? epoch : null);
        });
    }

    /** Refreshes the heartbeat; false when {@code holder} no longer holds the engine under {@code epoch}. */
    boolean heartbeat(String name, String holder, long epoch, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE engine SET last_seen = ? WHERE name = ? AND holder = ? AND epoch = ?")) {
                ps.setObject(1, odt(now));
                ps.setString(2, name);
                ps.setString(3, holder);
                ps.setLong(4, epoch);
                return ps.executeUpdate() == 1;
            }
        });
    }

    void release(String name, String holder, long epoch) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE engine SET holder = NULL WHERE name = ? AND holder = ? AND epoch = ?")) {
                ps.setString(1, name);
                ps.setString(2, holder);
                ps.setLong(3, epoch);
                return ps.executeUpdate();
            }
        });
    }

    private static EngineInfo read(ResultSet rs) throws SQLException {
        long pid = rs.getLong("pid");
        Long pidOrNull = rs.wasNull() ? null : pid;
        return new EngineInfo(rs.getString("name"), rs.getBoolean("remote"), rs.getString("gateway_mode"),
                rs.getString("holder"), instant(rs.getObject("last_seen", OffsetDateTime.class)),
                instant(rs.getObject("created_at", OffsetDateTime.class)), rs.getLong("epoch"), rs.getString("host"),
                pidOrNull, rs.getString("version"), instant(rs.getObject("started_at", OffsetDateTime.class)),
                rs.getString("machine"));
    }
}
