package io.cockpit.smtp.core.outbox;

import static io.cockpit.smtp.core.outbox.OutboxRowRepository.ERROR_MAX;
import static io.cockpit.smtp.core.outbox.OutboxRowRepository.REPLY_MAX;
import static io.cockpit.smtp.core.outbox.OutboxRowRepository.clip;
import static io.cockpit.smtp.core.store.SqlTime.odt;

import io.cockpit.smtp.core.store.Database;
import io.cockpit.smtp.core.store.StoreKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who holds which outbox message. A claim moves due messages from queued or deferred to {@code sending} for one
 * {@link Claimant} until a lease ends; afterwards only that claimant's outcomes, lease renewals and give-backs change
 * them, and only while its epoch is still the engine's (a process that was taken over changes nothing). A lease that
 * ran out lets the engine's holder queue them again; a new holder takes back at once only what a holder whose process
 * is known to be gone left in hand. Each call is one transaction.
 */
public final class OutboxClaimRepository {
    /** Deferred messages are older than queued ones: they are claimed first. */
    private static final List<String> WAITING = List.of("deferred", "queued");
    /** Reads after which a claimant that keeps losing its rows to others gives up for this round. */
    private static final int READS_PER_STATUS = 5;

    /** Appended to every statement a claimant makes: nothing changes once another process took the engine over. */
    private static final String FENCED = " AND EXISTS (SELECT 1 FROM engine WHERE engine.name = ? AND engine.epoch = ?)";

    private final Database db;

    public OutboxClaimRepository(Database db) {
        this.db = db;
    }

    /** Messages of {@code engine} were queued again (inside the transaction): its senders are told when it commits. */
    private int queuedAgain(String engine, int n) {
        if (n > 0) {
            db.notifyOthers(OutboxNotices.CHANNEL, OutboxNotices.queued(engine));
        }
        return n;
    }

    /** Tells the other processes (their screens) that these messages changed status, where the store can. */
    void notifyChanged(OutboxStatus status, List<Long> ids) {
        db.notifyOthers(OutboxNotices.CHANNEL, OutboxNotices.changed(status, ids));
    }

    /**
     * Calls {@code wake} when another process (or this one) queues messages for {@code engine}, or when notices may
     * have been missed; never on a store without notifications (H2, where senders poll). Returns what stops it.
     */
    Runnable onQueued(String engine, Runnable wake) {
        return db.listen(OutboxNotices.CHANNEL, p -> OutboxNotices.parse(p).filter(n -> n.queuedFor(engine))
                .ifPresent(n -> wake.run()));
    }

    /** Binds {@link #FENCED}'s two parameters from {@code index}. */
    private static void fence(PreparedStatement ps, int index, Claimant who) throws SQLException {
        ps.setString(index, who.engine());
        ps.setLong(index + 1, who.epoch());
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

    /**
     * Claims up to {@code limit} due messages of the claimant's engine until {@code leaseUntil}, deferred ones first.
     * Two claimants never hold the same message; a claimant whose epoch is no longer the engine's claims nothing.
     *
     * @return the messages claimed, with their content and recipients (empty when none was due or others took them)
     */
    public List<OutboxMessage> claim(Claimant who, Instant now, Instant leaseUntil, int limit) {
        boolean skipLocked = db.kind() == StoreKind.POSTGRESQL;
        return db.inTransaction(c -> {
            int claimed = 0;
            for (String status : WAITING) {
                claimed += skipLocked ? claimSkippingLocked(c, who, status, now, leaseUntil, limit - claimed)
                        : claimWaiting(c, who, status, now, leaseUntil, limit - claimed);
            }
            // A claimant holds one batch at a time: what it holds now is what it just claimed, and what it still held
            // from a batch it had to leave (the store stopped answering before its outcome was written): that one is
            // its own to send again at once, rather than after its lease.
            return OutboxRowRepository.select(c, "WHERE claimed_by = ? AND status = 'sending' AND claim_epoch = ?"
                    + FENCED + " ORDER BY next_attempt_at, id", List.of(who.id(), who.epoch(), who.engine(), who.epoch()), 0);
        });
    }

    /**
     * PostgreSQL: picks and marks up to {@code limit} due messages of one waiting status in one statement. Rows another
     * claimant has locked in an uncommitted claim are skipped, not waited for, and the rows picked stay locked until
     * this claim commits: two claimants never hold the same message, and neither waits for the other.
     *
     * @return how many it took
     */
    private static int claimSkippingLocked(Connection c, Claimant who, String status, Instant now, Instant leaseUntil,
                                           int limit) throws SQLException {
        if (limit <= 0) {
            return 0;
        }
        try (PreparedStatement up = c.prepareStatement("UPDATE outbox_message SET status = 'sending', claimed_by = ?, "
                + "claim_epoch = ?, lease_until = ?, updated_at = ? WHERE id IN (SELECT id FROM outbox_message "
                + "WHERE engine = ? AND status = ? AND next_attempt_at <= ? ORDER BY engine, status, next_attempt_at "
                + "LIMIT ? FOR UPDATE SKIP LOCKED)" + FENCED)) {
            up.setString(1, who.id());
            up.setLong(2, who.epoch());
            up.setObject(3, odt(leaseUntil));
            up.setObject(4, odt(now));
            up.setString(5, who.engine());
            up.setString(6, status);
            up.setObject(7, odt(now));
            up.setInt(8, limit);
            fence(up, 9, who);
            return up.executeUpdate();
        }
    }

    /**
     * H2: claims up to {@code limit} due messages of one waiting status: reads their ids, then takes them with an
     * update that matches only rows still waiting, so a row another claimant took first is skipped, never taken twice.
     *
     * <p>Not {@code SELECT ... FOR UPDATE SKIP LOCKED}: on H2, a locking read with a WHERE on the secondary index
     * {@code (engine, status, next_attempt_at)} and an ORDER BY locks every matching row, not only those returned,
     * so a second sender would get nothing until the first commits. PostgreSQL's locks only the rows it returns: there
     * the claim picks and marks in one statement ({@link #claimSkippingLocked}).
     *
     * @return how many it took
     */
    private static int claimWaiting(Connection c, Claimant who, String status, Instant now, Instant leaseUntil, int limit)
            throws SQLException {
        // Another claimant may take the rows we read before we update them (we then win none of them): read again,
        // its claim is committed by then, so the next rows are free.
        for (int read = 0; read < READS_PER_STATUS && limit > 0; read++) {
            List<Long> due = dueIds(c, who.engine(), status, now, limit);
            if (due.isEmpty()) {
                return 0;
            }
            int won;
            try (PreparedStatement up = c.prepareStatement("UPDATE outbox_message SET status = 'sending', "
                    + "claimed_by = ?, claim_epoch = ?, lease_until = ?, updated_at = ? WHERE id = ANY(?) AND status = ? "
                    + "AND next_attempt_at <= ?" + FENCED)) {
                up.setString(1, who.id());
                up.setLong(2, who.epoch());
                up.setObject(3, odt(leaseUntil));
                up.setObject(4, odt(now));
                up.setObject(5, due.toArray(new Long[0]));
                up.setString(6, status);
                up.setObject(7, odt(now));
                fence(up, 8, who);
                won = up.executeUpdate();
            }
            if (won > 0) {
                return won;
            }
        }
        return 0;
    }

    /**
     * Equality on (engine, status) and ORDER BY the index's columns keep this an index range read of only the due rows,
     * however many sent messages the table holds.
     */
    private static List<Long> dueIds(Connection c, String engine, String status, Instant now, int limit) throws SQLException {
        List<Long> due = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM outbox_message WHERE engine = ? AND "
                + "status = ? AND next_attempt_at <= ? ORDER BY engine, status, next_attempt_at LIMIT ?")) {
            q.setString(1, engine);
            q.setString(2, status);
            q.setObject(3, odt(now));
            q.setInt(4, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getLong(1));
                }
            }
        }
        return due;
    }

    /**
     * Writes the outcomes of one group of messages in one transaction: a crash before the commit sends the group
     * again (with the same Message-IDs), never loses it. Only messages still held by {@code who} under its epoch change.
     *
     * @return how many messages changed; fewer than {@code results} when some were taken back meanwhile
     */
    public int record(Claimant who, List<AttemptResult> results, Instant now) {
        if (results.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (int n : recordAll(List.of(Map.entry(who, results)), now).get(0)) {
            changed += Math.max(n, 0);
        }
        return changed;
    }

    /**
     * {@link #record} for several claimants (the lanes of one sender) in one transaction: one commit for all.
     *
     * @return for each group, for each result, how many message rows it changed (0: taken back meanwhile)
     */
    public List<int[]> recordAll(List<Map.Entry<Claimant, List<AttemptResult>>> groups, Instant now) {
        return db.inTransaction(c -> {
            List<int[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = ?, attempts = attempts + ?, "
                    + "next_attempt_at = COALESCE(?, next_attempt_at), last_error = ?, sent_at = COALESCE(?, sent_at), "
                    + "claimed_by = NULL, claim_epoch = NULL, lease_until = NULL, updated_at = ? WHERE id = ? "
                    + "AND status = 'sending' AND claimed_by = ?" + FENCED);
                 PreparedStatement rcpt = c.prepareStatement("UPDATE outbox_recipient SET status = ?, reply = ?, "
                         + "updated_at = ? WHERE message_id = ? AND position = ?")) {
                for (Map.Entry<Claimant, List<AttemptResult>> g : groups) {
                    Claimant who = g.getKey();
                    List<AttemptResult> results = g.getValue();
                    if (results.isEmpty()) {
                        out.add(new int[0]);
                        continue;
                    }
                    for (AttemptResult r : results) {
                        ps.setString(1, r.status().cliName());
                        ps.setInt(2, r.counted() ? 1 : 0);
                        ps.setObject(3, r.nextAttemptAt() == null ? null : odt(r.nextAttemptAt()));
                        ps.setString(4, clip(r.lastError(), ERROR_MAX));
                        ps.setObject(5, r.sentAt() == null ? null : odt(r.sentAt()));
                        ps.setObject(6, odt(now));
                        ps.setLong(7, r.id());
                        ps.setString(8, who.id());
                        fence(ps, 9, who);
                        ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    out.add(counts);
                    // Recipients change only with their message: one taken back meanwhile keeps its next holder's outcomes.
                    boolean any = false;
                    for (int i = 0; i < results.size(); i++) {
                        if (counts[i] <= 0) {
                            continue;
                        }
                        AttemptResult r = results.get(i);
                        for (Recipient rc : r.recipients()) {
                            rcpt.setString(1, rc.status().cliName());
                            rcpt.setString(2, clip(rc.reply(), REPLY_MAX));
                            rcpt.setObject(3, odt(now));
                            rcpt.setLong(4, r.id());
                            rcpt.setInt(5, rc.position());
                            rcpt.addBatch();
                            any = true;
                        }
                    }
                    if (any) {
                        rcpt.executeBatch();
                    }
                }
            }
            return out;
        });
    }

    /** Gives messages {@code who} holds back untouched (no attempt counted): they are due again at once. */
    public int release(Claimant who, List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'queued', claimed_by = NULL, "
                    + "claim_epoch = NULL, lease_until = NULL, updated_at = ? WHERE id = ANY(?) AND status = 'sending' "
                    + "AND claimed_by = ?" + FENCED)) {
                ps.setObject(1, odt(now));
                ps.setObject(2, ids.toArray(new Long[0]));
                ps.setString(3, who.id());
                fence(ps, 4, who);
                return queuedAgain(who.engine(), ps.executeUpdate());
            }
        });
    }

    /** Extends the lease of every message {@code who} holds. */
    public int renewLease(Claimant who, Instant leaseUntil) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox_message SET lease_until = ? WHERE status = 'sending' AND claimed_by = ?" + FENCED)) {
                ps.setObject(1, odt(leaseUntil));
                ps.setString(2, who.id());
                fence(ps, 3, who);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Extends the lease of every message claimed under {@code holder}'s epoch, by any of its lanes: what the engine's
     * heartbeat does while a send is in progress, so a slow server never lets a live holder's lease run out.
     */
    public int renewLeases(Claimant holder, Instant leaseUntil) {
        // On PostgreSQL the renewal skips the rows an outcome commit holds (they are leaving 'sending'): waiting for
        // them, while that commit waits for rows the renewal locked first, is a deadlock, seen between the heartbeat
        // and the lanes' group commit of one engine. A skipped row whose commit rolls back is renewed next beat.
        String rows = db.kind() == StoreKind.POSTGRESQL
                ? "id IN (SELECT id FROM outbox_message WHERE engine = ? AND status = 'sending' AND claim_epoch = ? "
                        + "FOR UPDATE SKIP LOCKED)"
                : "engine = ? AND status = 'sending' AND claim_epoch = ?";
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET lease_until = ? WHERE " + rows
                    + FENCED)) {
                ps.setObject(1, odt(leaseUntil));
                ps.setString(2, holder.engine());
                ps.setLong(3, holder.epoch());
                fence(ps, 4, holder);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Messages of {@code who}'s engine whose lease ran out (their holder died, or was paused past it) are queued again.
     * Only the engine's current holder does it.
     */
    public int recoverExpired(Claimant who, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'queued', claimed_by = NULL, "
                    + "claim_epoch = NULL, lease_until = NULL, updated_at = ? WHERE engine = ? AND status = 'sending' "
                    + "AND lease_until < ?" + FENCED)) {
                ps.setObject(1, odt(now));
                ps.setString(2, who.engine());
                ps.setObject(3, odt(now));
                fence(ps, 4, who);
                return queuedAgain(who.engine(), ps.executeUpdate());
            }
        });
    }

    /**
     * At an engine's start: messages of the holder's engine left {@code sending} whose lease ran out, and those claimed
     * under {@code deadEpoch} (a holder whose process is known to be gone), are queued again at once. A holder that was
     * merely paused keeps its messages until their lease ends: it may be sending one of them right now.
     *
     * @param deadEpoch null when no holder is known to be gone
     */
    public int takeBack(Claimant holder, Instant now, Long deadEpoch) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'queued', claimed_by = NULL, "
                    + "claim_epoch = NULL, lease_until = NULL, updated_at = ? WHERE engine = ? AND status = 'sending' "
                    + "AND (lease_until < ? OR lease_until IS NULL OR claim_epoch = ?)" + FENCED)) {
                ps.setObject(1, odt(now));
                ps.setString(2, holder.engine());
                ps.setObject(3, odt(now));
                ps.setLong(4, deadEpoch == null ? -1 : deadEpoch);
                fence(ps, 5, holder);
                return queuedAgain(holder.engine(), ps.executeUpdate());
            }
        });
    }

    /**
     * Defers the engine's due messages until {@code until} without counting an attempt (the gateway's daily limit is
     * reached: they wait, they did not fail).
     *
     * @return the ids deferred
     */
    public List<Long> holdDue(Claimant holder, Instant until, String why, Instant now) {
        return db.inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            for (String status : WAITING) {
                ids.addAll(dueIds(c, holder.engine(), status, now, 10_000));
            }
            if (ids.isEmpty()) {
                return ids;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'deferred', "
                    + "next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ANY(?) AND status IN ('queued', "
                    + "'deferred') AND next_attempt_at <= ?" + FENCED)) {
                ps.setObject(1, odt(until));
                ps.setString(2, clip(why, ERROR_MAX));
                ps.setObject(3, odt(now));
                ps.setObject(4, ids.toArray(new Long[0]));
                ps.setObject(5, odt(now));
                fence(ps, 6, holder);
                if (ps.executeUpdate() == 0) {
                    return List.<Long>of();
                }
            }
            return ids;
        });
    }

    /** Messages {@code who} holds are deferred until {@code until} without counting an attempt (see {@link #holdDue}). */
    public int holdBack(Claimant who, List<Long> ids, Instant until, String why, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_message SET status = 'deferred', "
                    + "next_attempt_at = ?, last_error = ?, claimed_by = NULL, claim_epoch = NULL, lease_until = NULL, "
                    + "updated_at = ? WHERE id = ANY(?) AND status = 'sending' AND claimed_by = ?" + FENCED)) {
                ps.setObject(1, odt(until));
                ps.setString(2, clip(why, ERROR_MAX));
                ps.setObject(3, odt(now));
                ps.setObject(4, ids.toArray(new Long[0]));
                ps.setString(5, who.id());
                fence(ps, 6, who);
                return ps.executeUpdate();
            }
        });
    }
}
