package io.cockpit.smtp.core.outbox;

import static io.cockpit.smtp.core.outbox.OutboxRowRepository.ERROR_MAX;
import static io.cockpit.smtp.core.outbox.OutboxRowRepository.REPLY_MAX;
import static io.cockpit.smtp.core.outbox.OutboxRowRepository.bind;
import static io.cockpit.smtp.core.outbox.OutboxRowRepository.clip;
import static io.cockpit.smtp.core.outbox.OutboxRowRepository.json;
import static io.cockpit.smtp.core.outbox.OutboxRowRepository.select;
import static io.cockpit.smtp.core.store.SqlTime.instant;
import static io.cockpit.smtp.core.store.SqlTime.odt;

import io.cockpit.smtp.core.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The outbox's messages as the services see them: storing, finding, listing, counting, retrying and purging. Which
 * sender holds a message, and what it did with it, is {@link OutboxClaimRepository}'s. Each call is one transaction.
 */
public final class OutboxRepository {
    private final Database db;

    public OutboxRepository(Database db) {
        this.db = db;
    }

    /**
     * Stores all the messages in one transaction (all or none) and returns their ids in order, once the transaction
     * is on disk: an id handed out survives a power cut.
     */
    public List<Long> insert(List<PreparedMessage> messages, Instant now) {
        return db.durably(c -> {
            List<Long> ids = new ArrayList<>(messages.size());
            // JDBC batches (one round of statements per 500 messages), keys read back in order.
            for (int from = 0; from < messages.size(); from += 500) {
                List<PreparedMessage> chunk = messages.subList(from, Math.min(messages.size(), from + 500));
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_message (flow, lang, audience, subject, "
                        + "message_id, engine, status, attempts, next_attempt_at, created_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,'queued',0,?,?,?)", new String[] {"id"})) {
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
            // Sent when this commits: the engines these messages are for look at once, not at their next poll.
            messages.stream().map(PreparedMessage::engine).distinct()
                    .forEach(e -> db.notifyOthers(OutboxNotices.CHANNEL, OutboxNotices.queued(e)));
            return ids;
        });
    }

    /**
     * Calls {@code listener} with what other processes (and this one) tell of the outbox as their changes commit;
     * never on a store without notifications (H2). Returns what stops listening.
     */
    Runnable onNotice(Consumer<OutboxNotices.Notice> listener) {
        return db.listen(OutboxNotices.CHANNEL, p -> OutboxNotices.parse(p).ifPresent(listener));
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
                    + "VALUES (?,?,?,?,?,?,?,1,?,?,?,?,?)", new String[] {"id"})) {
                int i = setMessageColumns(ps, m);
                ps.setString(i++, accepted ? "sent" : "failed");
                ps.setObject(i++, odt(now));
                ps.setString(i++, accepted ? null : clip(reply, ERROR_MAX));
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
                    rcpt.setString(5, clip(reply, REPLY_MAX));
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

    /** One page of a search, newest first (see {@link OutboxSearchRepository}). */
    public OutboxPage search(OutboxQuery q) {
        return new OutboxSearchRepository(db).search(q);
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

    /**
     * Per engine, how many messages are queued, in hand, deferred and failed (sent ones are not counted: the index on
     * (engine, status, ...) keeps this a read of the waiting and failed rows only).
     */
    public Map<String, long[]> countsByEngine() {
        return db.inTransaction(c -> {
            Map<String, long[]> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT engine, status, COUNT(*) FROM outbox_message "
                    + "WHERE status IN ('queued', 'sending', 'deferred', 'failed') GROUP BY engine, status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] n = out.computeIfAbsent(rs.getString(1), e -> new long[4]);
                    int at = switch (rs.getString(2)) {
                        case "queued" -> 0;
                        case "sending" -> 1;
                        case "deferred" -> 2;
                        default -> 3;
                    };
                    n[at] = rs.getLong(3);
                }
            }
            return out;
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
                int n = ps.executeUpdate();
                if (n > 0) {
                    db.notifyOthers(OutboxNotices.CHANNEL, OutboxNotices.queued(OutboxNotices.ANY_ENGINE));
                }
                return n;
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
}
