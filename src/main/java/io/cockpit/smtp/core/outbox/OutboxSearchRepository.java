package io.cockpit.smtp.core.outbox;

import static io.cockpit.smtp.core.store.SqlTime.instant;
import static io.cockpit.smtp.core.store.SqlTime.odt;

import io.cockpit.smtp.core.store.Database;
import io.cockpit.smtp.core.store.StoreKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Searches the outbox in the store, newest first, one page at a time (keyset: each page starts after the last
 * message of the one before, by {@code (created_at, id)}, so a page deep in a million messages costs what the first
 * one does). First the ids of the page, from {@code outbox_message} alone through the index that fits the filters;
 * then those messages with their content and recipients.
 *
 * <p>Indexes (migration V9): the recipient's address (case-insensitive: PostgreSQL on {@code lower(address)}, H2 a
 * case-insensitive column), the Message-ID (unique), {@code (status|flow|engine, created_at, id)} and
 * {@code (created_at, id)}. The subject is searched for by a piece of it: through a trigram index on PostgreSQL when
 * the pg_trgm extension was available, else (and on H2) by walking the messages newest first until the page is full.
 */
final class OutboxSearchRepository {
    private final Database db;

    OutboxSearchRepository(Database db) {
        this.db = db;
    }

    OutboxPage search(OutboxQuery q) {
        boolean postgres = db.kind() == StoreKind.POSTGRESQL;
        StringBuilder where = new StringBuilder("WHERE 1=1");
        List<Object> args = new ArrayList<>();
        // The first equality filter leads the ORDER BY: H2 then reads its (column, created_at, id) index in order and
        // stops at the page's end, where it would otherwise sort every message of that status, flow or engine.
        String leading = null;
        if (q.flow() != null) {
            where.append(" AND m.flow = ?");
            args.add(q.flow().cliName());
            leading = "m.flow";
        }
        if (q.status() != null) {
            where.append(" AND m.status = ?");
            args.add(q.status().cliName());
            leading = leading == null ? "m.status" : leading;
        }
        if (q.engine() != null) {
            where.append(" AND m.engine = ?");
            args.add(q.engine());
            leading = leading == null ? "m.engine" : leading;
        }
        if (q.messageId() != null) {
            where.append(" AND m.message_id = ?");
            args.add(messageId(q.messageId()));
        }
        if (q.since() != null) {
            where.append(" AND m.created_at >= ?");
            args.add(odt(q.since()));
        }
        if (q.until() != null) {
            where.append(" AND m.created_at < ?");
            args.add(odt(q.until()));
        }
        if (q.to() != null) {
            where.append(postgres
                    ? " AND m.id IN (SELECT r.message_id FROM outbox_recipient r WHERE lower(r.address) = ?)"
                    : " AND m.id IN (SELECT r.message_id FROM outbox_recipient r WHERE r.address = ?)");
            args.add(q.to().strip().toLowerCase(Locale.ROOT));
        }
        if (q.subject() != null) {
            where.append(postgres ? " AND m.subject ILIKE ? ESCAPE '\\'" : " AND LOWER(m.subject) LIKE ? ESCAPE '\\'");
            args.add("%" + likeEscaped(q.subject().toLowerCase(Locale.ROOT)) + "%");
        }
        if (q.after() != null) {
            where.append(" AND (m.created_at, m.id) < (?, ?)");
            args.add(odt(q.after().createdAt()));
            args.add(q.after().id());
        }
        String order = " ORDER BY " + (leading == null ? "" : leading + " DESC, ") + "m.created_at DESC, m.id DESC";
        return db.inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            OutboxQuery.PageKey last = null;
            boolean more = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT m.id, m.created_at FROM outbox_message m " + where
                    + order + " LIMIT " + (q.limit() + 1))) {
                OutboxRowRepository.bind(ps, 1, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (ids.size() == q.limit()) {
                            more = true;
                            break;
                        }
                        ids.add(rs.getLong(1));
                        last = new OutboxQuery.PageKey(instant(rs.getObject(2, OffsetDateTime.class)), rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return new OutboxPage(List.of(), null);
            }
            List<OutboxMessage> messages = OutboxRowRepository.select(c, "WHERE m.id = ANY(?) ORDER BY m.created_at DESC, "
                    + "m.id DESC", List.of((Object) ids.toArray(new Long[0])), 0);
            return new OutboxPage(messages, more ? last : null);
        });
    }

    /** As stored: in angle brackets. A Message-ID pasted without them (as some mail clients show it) still matches. */
    static String messageId(String given) {
        String s = given.strip();
        return s.startsWith("<") ? s : "<" + s + ">";
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
