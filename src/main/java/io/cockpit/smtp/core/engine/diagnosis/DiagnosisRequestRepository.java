package io.cockpit.smtp.core.engine.diagnosis;

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

/**
 * The diagnosis runs the console asks engines for, and what each engine wrote back: its steps and transcript lines as
 * they came, then the whole report. Each call is one transaction.
 */
public final class DiagnosisRequestRepository {
    private static final String COLUMNS = "id, engine, recipient, status, requested_by, requested_at, runner, started_at, "
            + "finished_at, cancel_requested, report";
    /**
     * Where a request and each of its steps are told to the processes waiting for them (PostgreSQL's NOTIFY; on H2
     * they poll): {@code request:ENGINE} for the engine, {@code progress:ID} for the requester.
     */
    static final String CHANNEL = "cockpit_engine_diagnosis";

    private final Database db;

    public DiagnosisRequestRepository(Database db) {
        this.db = db;
    }

    /** Calls {@code wake} when a request for {@code engine} is stored (or notices may have been missed). */
    Runnable onRequest(String engine, Runnable wake) {
        return db.listen(CHANNEL, p -> {
            if (p == null || p.equals("request:" + engine)) {
                wake.run();
            }
        });
    }

    /** Calls {@code wake} when the engine running request {@code id} wrote something (or notices may have been missed). */
    Runnable onProgress(long id, Runnable wake) {
        return db.listen(CHANNEL, p -> {
            if (p == null || p.equals("progress:" + id)) {
                wake.run();
            }
        });
    }

    /** Whether waiting processes are told of changes as they commit; else they must poll. */
    boolean notifies() {
        return db.notifies();
    }

    private void progress(long id) {
        db.notifyOthers(CHANNEL, "progress:" + id);
    }

    /** A request as stored. {@code recipient}: null for a connection check, the test email's address for a test. */
    record Request(long id, String engine, String recipient, RequestStatus status, String requestedBy,
                   Instant requestedAt, String runner, Instant startedAt, Instant finishedAt, boolean cancelRequested,
                   String report) {
    }

    /** One thing the engine wrote while running: a step started or finished, a transcript line. */
    record Event(int seq, String kind, String payload) {
        static final String STARTED = "started";
        static final String STEP = "step";
        static final String LINE = "line";
    }

    long request(String engine, String recipient, String requestedBy, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO engine_diagnosis (engine, recipient, status, "
                    + "requested_by, requested_at) VALUES (?, ?, 'requested', ?, ?)", new String[] {"ID"})) {
                ps.setString(1, engine);
                ps.setString(2, recipient);
                ps.setString(3, requestedBy);
                ps.setObject(4, odt(now));
                ps.executeUpdate();
                db.notifyOthers(CHANNEL, "request:" + engine);
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    Optional<Request> find(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM engine_diagnosis WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Takes the oldest request waiting for {@code engine}, for {@code runner} of the engine's current epoch; a request
     * older than {@code staleBefore} is expired instead (whoever asked has given up waiting).
     */
    Optional<Request> takeNext(String engine, String runner, long epoch, Instant now, Instant staleBefore) {
        return db.inTransaction(c -> {
            for (int tries = 0; tries < 10; tries++) {
                Long id = null;
                Instant requestedAt = null;
                try (PreparedStatement ps = c.prepareStatement("SELECT id, requested_at FROM engine_diagnosis "
                        + "WHERE engine = ? AND status = 'requested' ORDER BY id LIMIT 1")) {
                    ps.setString(1, engine);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            id = rs.getLong(1);
                            requestedAt = instant(rs.getObject(2, OffsetDateTime.class));
                        }
                    }
                }
                if (id == null) {
                    return Optional.empty();
                }
                boolean stale = requestedAt.isBefore(staleBefore);
                try (PreparedStatement ps = c.prepareStatement(stale
                        ? "UPDATE engine_diagnosis SET status = 'expired', finished_at = ? WHERE id = ? AND status = 'requested'"
                        : "UPDATE engine_diagnosis SET status = 'running', runner = ?, started_at = ? WHERE id = ? "
                        + "AND status = 'requested' AND EXISTS (SELECT 1 FROM engine WHERE engine.name = ? "
                        + "AND engine.epoch = ?)")) {
                    if (stale) {
                        ps.setObject(1, odt(now));
                        ps.setLong(2, id);
                        ps.executeUpdate();
                        continue;
                    }
                    ps.setString(1, runner);
                    ps.setObject(2, odt(now));
                    ps.setLong(3, id);
                    ps.setString(4, engine);
                    ps.setLong(5, epoch);
                    if (ps.executeUpdate() == 0) {
                        return Optional.empty();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM engine_diagnosis WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return Optional.of(read(rs));
                    }
                }
            }
            return Optional.empty();
        });
    }

    void append(long id, List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO engine_diagnosis_event (request_id, seq, kind, payload) VALUES (?, ?, ?, ?)")) {
                for (Event e : events) {
                    ps.setLong(1, id);
                    ps.setInt(2, e.seq());
                    ps.setString(3, e.kind());
                    ps.setString(4, e.payload());
                    ps.addBatch();
                }
                int[] n = ps.executeBatch();
                progress(id);
                return n;
            }
        });
    }

    /** The events after {@code afterSeq}, in order. */
    List<Event> events(long id, int afterSeq) {
        return db.inTransaction(c -> {
            List<Event> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, kind, payload FROM engine_diagnosis_event "
                    + "WHERE request_id = ? AND seq > ? ORDER BY seq")) {
                ps.setLong(1, id);
                ps.setInt(2, afterSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Event(rs.getInt(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /** Ends a run the runner holds: done with its report, cancelled, or refused with the problems found. */
    boolean finish(long id, String runner, RequestStatus status, String report, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE engine_diagnosis SET status = ?, report = ?, "
                    + "finished_at = ? WHERE id = ? AND status = 'running' AND runner = ?")) {
                ps.setString(1, status.dbName());
                ps.setString(2, report);
                ps.setObject(3, odt(now));
                ps.setLong(4, id);
                ps.setString(5, runner);
                progress(id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The requester gives up: a request still waiting, or a run still going, ends with {@code status}. */
    boolean abandon(long id, RequestStatus status, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE engine_diagnosis SET status = ?, finished_at = ?, "
                    + "cancel_requested = TRUE WHERE id = ? AND status IN ('requested', 'running')")) {
                ps.setString(1, status.dbName());
                ps.setObject(2, odt(now));
                ps.setLong(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    boolean requestCancel(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE engine_diagnosis SET cancel_requested = TRUE WHERE id = ? AND status IN ('requested', 'running')")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** True when the requester asked to stop, or gave up (the run is no longer running). */
    boolean stopAsked(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT cancel_requested, status FROM engine_diagnosis WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return !rs.next() || rs.getBoolean(1) || !"running".equals(rs.getString(2));
                }
            }
        });
    }

    private static Request read(ResultSet rs) throws SQLException {
        return new Request(rs.getLong("id"), rs.getString("engine"), rs.getString("recipient"),
                RequestStatus.fromDb(rs.getString("status")), rs.getString("requested_by"),
                instant(rs.getObject("requested_at", OffsetDateTime.class)), rs.getString("runner"),
                instant(rs.getObject("started_at", OffsetDateTime.class)),
                instant(rs.getObject("finished_at", OffsetDateTime.class)), rs.getBoolean("cancel_requested"),
                rs.getString("report"));
    }
}
