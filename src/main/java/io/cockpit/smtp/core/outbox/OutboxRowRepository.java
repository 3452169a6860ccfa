package io.cockpit.smtp.core.outbox;

import static io.cockpit.smtp.core.store.SqlTime.instant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An outbox message's rows: how a message is read back with its content and recipients, and the column rules its
 * writers share. The queries ({@link OutboxRepository}) and the claims ({@link OutboxClaimRepository}) both read
 * messages here, so they cannot disagree about a column. Every method runs inside the caller's transaction.
 */
final class OutboxRowRepository {
    /** The size of {@code outbox_message.last_error}. */
    static final int ERROR_MAX = 4000;
    /** The size of {@code outbox_recipient.reply}. */
    static final int REPLY_MAX = 1000;

    private static final String COLUMNS = "m.id, m.flow, m.lang, m.audience, m.subject, c.body, c.html_body, c.vars, "
            + "m.message_id, m.engine, m.status, m.attempts, m.next_attempt_at, m.last_error, m.claimed_by, m.lease_until, "
            + "m.created_at, m.updated_at, m.sent_at";
    /** Messages with their content (kept in its own table: statuses change, content does not). */
    private static final String FROM = " FROM outbox_message m JOIN outbox_content c ON c.outbox_id = m.id ";

    private OutboxRowRepository() {
    }

    /**
     * The messages matching {@code where} (a WHERE clause, optionally with ORDER BY, over the message's columns), each
     * with its recipients in order.
     *
     * @param limit at most this many; 0 for all
     */
    static List<OutboxMessage> select(Connection c, String where, List<Object> args, int limit) throws SQLException {
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

    /** Sets {@code args} as the parameters from index {@code from} on. */
    static void bind(PreparedStatement ps, int from, List<Object> args) throws SQLException {
        int i = from;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
    }

    /** The variables as stored: sorted, so the same variables always make the same text. */
    static String json(Map<String, String> vars) {
        return VariablesJson.write(vars);
    }

    /** Cuts a text to a column's size, marking the cut, rather than failing the whole update. */
    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
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

    private static Map<String, String> vars(String json) {
        return json == null ? Map.of() : VariablesJson.read(json);
    }
}
