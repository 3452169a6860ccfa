package io.cockpit.smtp.core.outbox;

import static io.cockpit.smtp.core.store.SqlTime.instant;
import static io.cockpit.smtp.core.store.SqlTime.odt;

import io.cockpit.smtp.core.store.Database;
import io.cockpit.smtp.core.store.StoreFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Recipients handed to each gateway's provider, by the hour: what every engine of a gateway counts its daily limit
 * against. A reservation is checked and counted in one transaction, so two engines cannot both take the last places.
 */
public final class SendCountRepository {
    private final Database db;

    public SendCountRepository(Database db) {
        this.db = db;
    }

    /** Raised inside the reservation's transaction to roll its count back. */
    private static final class OverLimit extends Exception {
        OverLimit() {
            super(null, null, false, false);
        }
    }

    /** Recipients counted for {@code gateway} in hours starting after {@code since}. */
    public long used(String gateway, Instant since) {
        return db.inTransaction(c -> sum(c, gateway, since));
    }

    /** The start of the oldest hour still counted after {@code since}; null when nothing is counted. */
    public Instant oldestHour(String gateway, Instant since) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(hour_start) FROM gateway_send_count "
                    + "WHERE gateway_name = ? AND hour_start > ? AND recipients > 0")) {
                ps.setString(1, gateway);
                ps.setObject(2, odt(since));
                try (ResultSet rs = ps.executeQuery()) {
                    OffsetDateTime t = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                    return t == null ? null : instant(t);
                }
            }
        });
    }

    /**
     * Counts {@code n} recipients in {@code hour} if the total after {@code since} stays within {@code limit}.
     *
     * @return false, counting nothing, when they do not fit
     */
    public boolean reserve(String gateway, Instant hour, int n, long limit, Instant since) {
        for (int tries = 0; ; tries++) {
            try {
                return db.<Boolean, OverLimit>inTransaction(c -> {
                    add(c, gateway, hour, n);
                    if (sum(c, gateway, since) > limit) {
                        throw new OverLimit();
                    }
                    return true;
                });
            } catch (OverLimit full) {
                return false;
            } catch (StoreFailure raced) {
                // Two engines inserted the same hour's row at once: the second sees it on the next try.
                if (tries > 0) {
                    throw raced;
                }
            }
        }
    }

    /** Gives places back (recipients that were not accepted after all). */
    public void release(String gateway, Instant hour, int n) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE gateway_send_count SET recipients = "
                    + "CASE WHEN recipients > ? THEN recipients - ? ELSE 0 END WHERE gateway_name = ? AND hour_start = ?")) {
                ps.setLong(1, n);
                ps.setLong(2, n);
                ps.setString(3, gateway);
                ps.setObject(4, odt(hour));
                return ps.executeUpdate();
            }
        });
    }

    /** Forgets the hours no window reaches any more. */
    public int prune(Instant before) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM gateway_send_count WHERE hour_start <= ?")) {
                ps.setObject(1, odt(before));
                return ps.executeUpdate();
            }
        });
    }

    private static void add(Connection c, String gateway, Instant hour, int n) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE gateway_send_count SET recipients = recipients + ? "
                + "WHERE gateway_name = ? AND hour_start = ?")) {
            up.setLong(1, n);
            up.setString(2, gateway);
            up.setObject(3, odt(hour));
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO gateway_send_count (gateway_name, hour_start, recipients) VALUES (?, ?, ?)")) {
            ins.setString(1, gateway);
            ins.setObject(2, odt(hour));
            ins.setLong(3, n);
            ins.executeUpdate();
        }
    }

    private static long sum(Connection c, String gateway, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(recipients), 0) FROM gateway_send_count "
                + "WHERE gateway_name = ? AND hour_start > ?")) {
            ps.setString(1, gateway);
            ps.setObject(2, odt(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
