package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Fills an outbox with many messages fast (batched JDBC, a commit every {@value #BATCH} messages), as a busy portal
 * would have it: message {@code i} goes to {@code user<i>@example.com}, is a sent password reset or ticket
 * notification, and was created {@code i} seconds after {@code start}, so the newest is the last one. Ids start at
 * {@link #FIRST_ID}, far above what the program gives, so that messages enqueued later never meet them.
 */
public final class BulkOutbox {
    public static final long FIRST_ID = 100_000_000L;
    private static final int BATCH = 5_000;

    private BulkOutbox() {
    }

    public static String recipient(long i) {
        return "user" + i + "@example.com";
    }

    /** Inserts messages {@code 0} to {@code count - 1}. */
    public static void fill(Database db, long count, Instant start) {
        try (Connection c = db.dedicatedConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement m = c.prepareStatement("INSERT INTO outbox_message (id, flow, lang, audience, subject, "
                    + "message_id, engine, status, attempts, next_attempt_at, created_at, updated_at, sent_at) "
                    + "VALUES (?,?,'fr','user',?,?,'local','sent',1,?,?,?,?)");
                 PreparedStatement body = c.prepareStatement("INSERT INTO outbox_content (outbox_id, body) VALUES (?,?)");
                 PreparedStatement r = c.prepareStatement("INSERT INTO outbox_recipient (message_id, position, address, "
                         + "status, updated_at) VALUES (?,0,?,'accepted',?)")) {
                for (long i = 0; i < count; i++) {
                    long id = FIRST_ID + i;
                    boolean reset = i % 3 == 0;
                    OffsetDateTime at = OffsetDateTime.ofInstant(start.plusSeconds(i), ZoneOffset.UTC);
                    m.setLong(1, id);
                    m.setString(2, reset ? "password-reset" : "ticket-notification");
                    m.setString(3, reset ? "Réinitialisation de votre mot de passe" : "Ticket " + i + " mis à jour");
                    m.setString(4, "<bulk-" + i + "@example.com>");
                    for (int p = 5; p <= 8; p++) {
                        m.setObject(p, at);
                    }
                    m.addBatch();
                    body.setLong(1, id);
                    body.setString(2, "Bonjour,\n\nmessage " + i + ".");
                    body.addBatch();
                    r.setLong(1, id);
                    r.setString(2, recipient(i));
                    r.setObject(3, at);
                    r.addBatch();
                    if ((i + 1) % BATCH == 0 || i == count - 1) {
                        m.executeBatch();
                        body.executeBatch();
                        r.executeBatch();
                        c.commit();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not fill the outbox", e);
        }
    }
}
