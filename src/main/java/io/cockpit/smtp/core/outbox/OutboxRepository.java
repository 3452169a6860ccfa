package io.cockpit.smtp.core.outbox;

import static io.cockpit.smtp.core.store.SqlTime.instant;
import static io.cockpit.smtp.core.store.SqlTime.odt;

import io.cockpit.smtp.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox in H2. Every state change is one transaction; a claim marks messages {@code sending} for one claimant with
 * a conditional update, so two engines never hold the same message.
 */
public final class OutboxRepository {
    private static final String COLUMNS = "m.id, m.flow, m.lang, m.audience, m.subject, c.body, c.html_body, c.vars, "
            + "m.message_id, m.engine, m.status, m.attempts, m.next_attempt_at, m.last_error, m.claimed_by, m.lease_until, "
            + "m.created_at, m.updated_at, m.sent_at";
    /** Messages with their content (kept in its own table: statuses change, content does not). */
    private static final String FROM = " FROM outbox_message m JOIN outbox_content c ON c.outbox_id = m.id ";
    private static final String WAITING = "('queued', 'deferred')";

    private final Database db;

    public OutboxRepository(Database db) {
        this.db = db;
    }

    /** Stores all the messages in one transaction (all or none) and returns their ids in order. */
    public List<Long> insert(List<PreparedMessage> messages, Instant now) {
        return db.inTransaction(c -> {
            List<Long> ids = new ArrayList<>(messages.size());
            // JDBC batches (one round of statements per 500 messages), keys read back in order.
            for (int from = 0; from < messages.size(); from += 500) {
                List<PreparedMessage> chunk = messages.subList(from, Math.min(messages.size(), from + 500));
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (flow, lang, audience, subject, "
                        + "message_id, engine, status, attempts, next_attempt_at, created_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,'queued',0,?,?,?)", new String[] {"ID"})) {
                    for (PreparedMessage m : chunk) {
                        int i = setMessageColumns(ps, m);
                        ps.setObject(i++, odt(now));
                        ps.setObject(i++, odt(now));
                        ps.setObject(i, odt(now));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    List<Long> chunkIds = new ArrayList<>(chunk.size());
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        while (keys.next()) {
                            chunkIds.add(keys.getLong(1));
                        }
                    }
                    if (chunkIds.size() != chunk.size()) {
                        throw new SQLException("expected " + chunk.size() + " generated ids, got " + chunkIds.size());
                    }
                    ids.addAll(chunkIds);
                }
                try (PreparedStatement content = c.prepareStatement(
                        "INSERT INTO outbox_content (outbox_id, body, html_body, vars) VALUES (?,?,?,?)")) {
                    for (int k = 0; k < chunk.size(); k++) {
                        setContentColumns(content, ids.get(from + k), chunk.get(k));
                        content.addBatch();
                    }
                    content.executeBatch();
                }
                try (PreparedStatement rcpt = c.prepareStatement("INSERT INTO outbox_recipient (message_id, position, address, "
                        + "status, updated_at) VALUES (?,?,?,'pending',?)")) {
                    for (int k = 0; k < chunk.size(); k++) {
                        int pos = 0;
                        for (String to : chunk.get(k).to()) {
                            rcpt.setLong(1, ids.get(from + k));
                            rcpt.setInt(2, pos++);
                            rcpt.setString(3, to);
                            rcpt.setObject(4, odt(now));
                            rcpt.addBatch();
                        }
                    }
                    rcpt.executeBatch();
                }
            }
            return ids;
        });
    }

    /**
     * Stores, in one transaction, a message that was sent outside the queue (a test email sent by the diagnosis), with
     * its outcome: it enters the history as sent or failed and is never claimed by an engine.
     */
    public long insertFinished(PreparedMessage m, boolean accepted, String reply, Instant now) {
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (flow, lang, audience, subject, "
                    + "message_id, engine, status, attempts, next_attempt_at, last_error, created_at, updated_at, sent_at) "
                    + "VALUES (?,?,?,?,?,?,?,1,?,?,?,?,?)", new String[] {"ID"})) {
                int i = setMessageColumns(ps, m);
                ps.setString(i++, accepted ? "sent" : "failed");
                ps.setObject(i++, odt(now));
                ps.setString(i++, accepted ? null : clip(reply, 4000));
                ps.setObject(i++, odt(now));
                ps.setObject(i++, odt(now));
                ps.setObject(i, accepted ? odt(now) : null);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement content = c.prepareStatement(
                    "INSERT INTO outbox_content (outbox_id, body, html_body, vars) VALUES (?,?,?,?)")) {
                setContentColumns(content, id, m);
                content.executeUpdate();
            }
            try (PreparedStatement rcpt = c.prepareStatement("INSERT INTO outbox_recipient (message_id, position, address, "
                    + "status, reply, updated_at) VALUES (?,?,?,?,?,?)")) {
                int pos = 0;
                for (String to : m.to()) {
                    rcpt.setLong(1, id);
                    rcpt.setInt(2, pos++);
                    rcpt.setString(3, to);
                    rcpt.setString(4, accepted ? "accepted" : "rejected");
                    rcpt.setString(5, clip(reply, 1000));
                    rcpt.setObject(6, odt(now));
                    rcpt.addBatch();
                }
                rcpt.executeBatch();
            }
            return id;
        });
    }

    /** Sets the first six columns of an outbox_message insert (flow to engine); returns the next parameter index. */
    private static int setMessageColumns(PreparedStatement ps, PreparedMessage m) throws SQLException {
        int i = 1;
        ps.setString(i++, m.flow().cliName());
        ps.setString(i++, m.lang());
        ps.setString(i++, m.audience().cliName());
        ps.setString(i++, m.subject());
        ps.setString(i++, m.messageId());
        ps.setString(i++, m.engine());
        return i;
    }

    /** Sets the four columns of an outbox_content insert: the message's id, text body, HTML body and variables. */
    private static void setContentColumns(PreparedStatement content, long id, PreparedMessage m) throws SQLException {
        content.setLong(1, id);
        content.setString(2, m.body());
        content.setString(3, m.htmlBody());
        content.setString(4, m.vars().isEmpty() ? null : json(m.vars()));
    }

    public Optional<OutboxMessage> find(long id) {
        return db.inTransaction(c -> {
            List<OutboxMessage> l = select(c, "WHERE id = ?", List.of(id), 1);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        });
    }

    /** Newest first; null filters are ignored. */
    public List<OutboxMessage> list(OutboxStatus status, Flow flow, int limit) {
        StringBuilder where = new StringBuilder("WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            where.append(" AND status = ?");
            args.add(status.cliName());
        }
        if (flow != null) {
            where.append(" AND flow = ?");
            args.add(flow.cliName());
        }
        where.append(" ORDER BY created_at DESC, id DESC");
        return db.inTransaction(c -> select(c, where.toString(), args, limit));
    }

    /** Counts by status, the oldest waiting message and the failures since {@code failedSince}. */
    public OutboxCounts counts(Instant failedSince) {
        return db.inTransaction(c -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM outbox_message GROUP BY status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                }
            }
            Instant oldest = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(created_at) FROM outbox_message WHERE status IN ('queued', 'deferred', 'sending')");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    oldest = instant(rs.getObject(1, OffsetDateTime.class));
                }
            }
            long failedRecently;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM outbox_message WHERE status = 'failed' AND updated_at >= ?")) {
                ps.setObject(1, odt(failedSince));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    failedRecently = rs.getLong(1);
                }
            }
            return new OutboxCounts(byStatus.getOrDefault("queued", 0L), byStatus.getOrDefault("sending", 0L),
                    byStatus.getOrDefault("deferred", 0L), byStatus.getOrDefault("sent", 0L),
                    byStatus.getOrDefault("failed", 0L), oldest, failedRecently);
        });
    }

    /** True when a message of {@code engine} is queued or deferred and due at {@code now}. */
    public boolean hasDue(String engine, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outbox_message WHERE engine = ? AND status = 'queued' "
                    + "AND next_attempt_at <= ? UNION ALL SELECT 1 FROM outbox_message WHERE engine = ? AND status = 'deferred' "
                    + "AND next_attempt_at <= ? LIMIT 1")) {
                ps.setString(1, engine);
                ps.setObject(2, odt(now));
                ps.setString(3, engine);
                ps.setObject(4, odt(now));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The earliest next attempt of a waiting message of {@code engine}, to sleep until then. */
    public Optional<Instant> nextDue(String engine) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT LEAST((SELECT MIN(next_attempt_at) FROM outbox_message "
                    + "WHERE engine = ? AND status = 'queued'), (SELECT MIN(next_attempt_at) FROM outbox_message "
                    + "WHERE engine = ? AND status = 'deferred'))")) {
                ps.setString(1, engine);
                ps.setString(2, engine);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.ofNullable(instant(rs.getObject(1, OffsetDateTime.class)));
                }
            }
        });
    }

    /**
     * Claims up to {@code limit} due messages of {@code engine} for {@code claimant}: each row goes from queued or
     * deferred to sending by a conditional update, so a row another claimant took first is simply skipped.
     */
    public List<OutboxMessage> claim(String engine, String claimant, Instant now, Instant leaseUntil, int limit) {
        return db.inTransaction(c -> {
            // One conditional update per waiting status: a row another claimant took first no longer matches and is
            // skipped. Equality on (engine, status) and ORDER BY the index's columns keep it an index range read of
            // only the due rows, however many sent messages the table holds.
            int claimed = 0;
            for (String status : new String[] {"deferred", "queued"}) {
                // Another claimant may take the rows we read before we update them (we then win none of them): read
                // again, its claim is committed by then, so the next rows are free.
                for (int attempt = 0; attempt < 5 && claimed < limit; attempt++) {
                    List<Long> due = new ArrayList<>();
                    try (PreparedStatement q = c.prepareStatement("SELECT id FROM outbox_message WHERE engine = ? AND "
                            + "status = ? AND next_attempt_at <= ? ORDER BY engine, status, next_attempt_at LIMIT ?")) {
                        q.setString(1, engine);
                        q.setString(2, status);
                        q.setObject(3, odt(now));
                        q.setInt(4, limit - claimed);
                        try (ResultSet rs = q.executeQuery()) {
                            while (rs.next()) {
                                due.add(rs.getLong(1));
                            }
                        }
                    }
                    if (due.isEmpty()) {
                        break;
                    }
                    int won;
                    try (PreparedStatement up = c.prepareStatement("UPDATE outbox_message SET status = 'sending', "
                            + "claimed_by = ?, lease_until = ?, updated_at = ? WHERE id = ANY(?) AND status = ? "
                            + "AND next_attempt_at <= ?")) {
                        up.setString(1, claimant);
                        up.setObject(2, odt(leaseUntil));
                        up.setObject(3, odt(now));
                        up.setObject(4, due.toArray(new Long[0]));
                        up.setString(5, status);
                        up.setObject(6, odt(now));
                        won = up.executeUpdate();
                    }
                    claimed += won;
                    if (won > 0) {
                        break;
                    }
                }
            }
            if (claimed == 0) {
                return List.of();
            }
            // A claimant holds one batch at a time: what it holds now is what it just claimed.
            return select(c, "WHERE claimed_by = ? AND status = 'sending' ORDER BY next_attempt_at, id", List.of(claimant), 0);
        });
    }

    /** Writes the outcomes of one batch in one transaction; only rows still held by {@code claimant} change. */
    public int record(String claimant, List<AttemptResult> results, Instant now) {
        if (results.isEmpty()) {
            return 0;
        }
        return db.inTransaction(c -> {
            int changed = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = ?, attempts = attempts + 1, "
                    + "next_attempt_at = COALESCE(?, next_attempt_at), last_error = ?, sent_at = COALESCE(?, sent_at), "
                    + "claimed_by = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND status = 'sending' AND claimed_by = ?");
                 PreparedStatement rcpt = c.prepareStatement("UPDATE outbox_recipient SET status = ?, reply = ?, updated_at = ? "
                         + "WHERE message_id = ? AND position = ?")) {
                for (AttemptResult r : results) {
                    ps.setString(1, r.status().cliName());
                    ps.setObject(2, r.nextAttemptAt() == null ? null : odt(r.nextAttemptAt()));
                    ps.setString(3, clip(r.lastError(), 4000));
                    ps.setObject(4, r.sentAt() == null ? null : odt(r.sentAt()));
                    ps.setObject(5, odt(now));
                    ps.setLong(6, r.id());
                    ps.setString(7, claimant);
                    ps.addBatch();
                    for (Recipient rc : r.recipients()) {
                        rcpt.setString(1, rc.status().cliName());
                        rcpt.setString(2, clip(rc.reply(), 1000));
                        rcpt.setObject(3, odt(now));
                        rcpt.setLong(4, r.id());
                        rcpt.setInt(5, rc.position());
                        rcpt.addBatch();
                    }
                }
                for (int n : ps.executeBatch()) {
                    changed += Math.max(n, 0);
                }
                rcpt.executeBatch();
            }
            return changed;
        });
    }

    /** Gives messages back untouched (no attempt counted): they are due again at once. */
    public int release(String claimant, List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'queued', claimed_by = NULL, "
                    + "lease_until = NULL, updated_at = ? WHERE id = ANY(?) AND status = 'sending' AND claimed_by = ?")) {
                ps.setObject(1, odt(now));
                ps.setObject(2, ids.toArray(new Long[0]));
                ps.setString(3, claimant);
                return ps.executeUpdate();
            }
        });
    }

    /** Extends the lease of every message {@code claimant} holds. */
    public int renewLease(String claimant, Instant leaseUntil) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox_message SET lease_until = ? WHERE status = 'sending' AND claimed_by = ?")) {
                ps.setObject(1, odt(leaseUntil));
                ps.setString(2, claimant);
                return ps.executeUpdate();
            }
        });
    }

    /** Messages of {@code engine} whose lease ran out (their holder died) are queued again. */
    public int recoverExpired(String engine, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'queued', claimed_by = NULL, "
                    + "lease_until = NULL, updated_at = ? WHERE engine = ? AND status = 'sending' AND lease_until < ?")) {
                ps.setObject(1, odt(now));
                ps.setString(2, engine);
                ps.setObject(3, odt(now));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * At an engine's start: messages of {@code engine} left {@code sending} by an earlier holder are queued again at
     * once. Only the engine's exclusive holder may call this.
     */
    public int takeBack(String engine, String claimant, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'queued', claimed_by = NULL, "
                    + "lease_until = NULL, updated_at = ? WHERE engine = ? AND status = 'sending' AND (claimed_by IS NULL "
                    + "OR claimed_by <> ?)")) {
                ps.setObject(1, odt(now));
                ps.setString(2, engine);
                ps.setString(3, claimant);
                return ps.executeUpdate();
            }
        });
    }

    /** Makes deferred or failed messages due now; a failed one's refused recipients get another try. */
    public int retry(List<Long> ids, OutboxStatus onlyStatus, Instant now) {
        return db.inTransaction(c -> {
            StringBuilder where = new StringBuilder("status IN ('deferred', 'failed', 'queued')");
            List<Object> args = new ArrayList<>();
            if (ids != null) {
                where.append(" AND id = ANY(?)");
                args.add(ids.toArray(new Long[0]));
            }
            if (onlyStatus != null) {
                where.append(" AND status = ?");
                args.add(onlyStatus.cliName());
            }
            try (PreparedStatement r = c.prepareStatement("UPDATE outbox_recipient SET status = 'pending', updated_at = ? "
                    + "WHERE status IN ('deferred', 'rejected') AND message_id IN (SELECT id FROM outbox_message WHERE "
                    + where + ")")) {
                r.setObject(1, odt(now));
                bind(r, 2, args);
                r.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'queued', "
                    + "next_attempt_at = ?, updated_at = ? WHERE " + where)) {
                ps.setObject(1, odt(now));
                ps.setObject(2, odt(now));
                bind(ps, 3, args);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes sent or failed messages last changed before {@code before} (null: all of that status). */
    public int purge(OutboxStatus status, Instant before) {
        if (status != OutboxStatus.SENT && status != OutboxStatus.FAILED) {
            throw new IllegalArgumentException("only sent or failed messages can be purged");
        }
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_message WHERE status = ?"
                    + (before == null ? "" : " AND updated_at < ?"))) {
                ps.setString(1, status.cliName());
                if (before != null) {
                    ps.setObject(2, odt(before));
                }
                return ps.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement ps, int from, List<Object> args) throws SQLException {
        int i = from;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
    }

    private static List<OutboxMessage> select(Connection c, String where, List<Object> args, int limit) throws SQLException {
        List<OutboxMessage> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + where
                + (limit > 0 ? " LIMIT " + limit : ""))) {
            bind(ps, 1, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        Map<Long, List<Recipient>> recipients = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id, position, address, status, reply FROM "
                + "outbox_recipient WHERE message_id = ANY(?) ORDER BY message_id, position")) {
            ps.setObject(1, out.stream().map(OutboxMessage::id).toArray(Long[]::new));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recipients.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Recipient(rs.getInt(2),
                            rs.getString(3), RecipientStatus.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                            rs.getString(5)));
                }
            }
        }
        List<OutboxMessage> full = new ArrayList<>(out.size());
        for (OutboxMessage m : out) {
            full.add(new OutboxMessage(m.id(), m.flow(), m.lang(), m.audience(), recipients.getOrDefault(m.id(), List.of()),
                    m.subject(), m.body(), m.htmlBody(), m.vars(), m.messageId(), m.engine(), m.status(), m.attempts(),
                    m.nextAttemptAt(), m.lastError(), m.claimedBy(), m.leaseUntil(), m.createdAt(), m.updatedAt(), m.sentAt()));
        }
        return full;
    }

    private static OutboxMessage read(ResultSet rs) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), Flow.fromCli(rs.getString("flow")).orElseThrow(),
                rs.getString("lang"), Audience.fromCli(rs.getString("audience")).orElseThrow(), List.of(),
                rs.getString("subject"), rs.getString("body"), rs.getString("html_body"), vars(rs.getString("vars")),
                rs.getString("message_id"), rs.getString("engine"),
                OutboxStatus.fromCli(rs.getString("status")).orElseThrow(), rs.getInt("attempts"),
                instant(rs.getObject("next_attempt_at", OffsetDateTime.class)), rs.getString("last_error"),
                rs.getString("claimed_by"), instant(rs.getObject("lease_until", OffsetDateTime.class)),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("updated_at", OffsetDateTime.class)),
                instant(rs.getObject("sent_at", OffsetDateTime.class)));
    }

    private static String json(Map<String, String> vars) {
        return VariablesJson.write(vars);
    }

    private static Map<String, String> vars(String json) {
        return json == null ? Map.of() : VariablesJson.read(json);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
