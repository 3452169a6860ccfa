package io.cockpit.smtp.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.PostgresServer;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notices between processes on a PostgreSQL store: what a transaction sends arrives when it commits and never when it
 * rolls back; the listener's connection, cut by the server, is made again and its listeners are told they may have
 * missed something. On H2 nothing is sent and nothing is listened to: its processes poll.
 */
class StoreNotificationsTest {
    static final String CHANNEL = "cockpit_test";
    /** Far above what a notice takes on loopback, far below a failure going unnoticed. */
    static final long WAIT_SECONDS = 20;
    @TempDir Path dir;

    /** "null" stands for the listener's null payload ("anything may have changed"), which a queue cannot hold. */
    static LinkedBlockingQueue<String> listen(CoreServices s) {
        LinkedBlockingQueue<String> got = new LinkedBlockingQueue<>();
        s.database().listen(CHANNEL, p -> got.add(p == null ? "null" : p));
        return got;
    }

    static void notifyFromAnotherSession(CoreServices s, String payload) throws Exception {
        try (Connection c = s.database().dedicatedConnection(); Statement st = c.createStatement()) {
            st.execute("NOTIFY " + CHANNEL + ", '" + payload + "'");
        }
    }

    @Test
    void aNoticeArrivesWhenItsTransactionCommitsAndNeverAfterARollback() throws Exception {
        try (CoreServices s = TestStore.open(StoreKind.POSTGRESQL, dir)) {
            assertTrue(s.database().notifies());
            LinkedBlockingQueue<String> got = listen(s);
            assertEquals("null", got.poll(WAIT_SECONDS, TimeUnit.SECONDS), "told to look once it listens");
            try {
                s.database().inTransaction(c -> {
                    s.database().notifyOthers(CHANNEL, "rolled-back");
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // The notice must go with the transaction.
            }
            s.database().notifyOthers(CHANNEL, "committed");
            assertEquals("committed", got.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertNull(got.poll(300, TimeUnit.MILLISECONDS), "nothing else: " + got);
        }
    }

    @Test
    void theListenerReconnectsAfterTheServerCutsItAndSaysItMayHaveMissedNotices() throws Exception {
        try (CoreServices s = TestStore.open(StoreKind.POSTGRESQL, dir)) {
            LinkedBlockingQueue<String> got = listen(s);
            assertEquals("null", got.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            notifyFromAnotherSession(s, "before");
            assertEquals("before", got.poll(WAIT_SECONDS, TimeUnit.SECONDS));

            assertEquals(1, terminateListeners(), "the listener's session is cut");
            // Sent while the listener is away: lost, and the listener's null after reconnecting stands for it.
            notifyFromAnotherSession(s, "while-away");
            assertEquals("null", got.poll(WAIT_SECONDS, TimeUnit.SECONDS), "told to look again after reconnecting");
            notifyFromAnotherSession(s, "after");
            assertEquals("after", got.poll(WAIT_SECONDS, TimeUnit.SECONDS), "listening again: " + got);
        }
    }

    @Test
    void anH2StoreNeitherSendsNorListens() throws Exception {
        try (CoreServices s = TestStore.open(StoreKind.H2, dir)) {
            assertFalse(s.database().notifies());
            LinkedBlockingQueue<String> got = listen(s);
            s.database().notifyOthers(CHANNEL, "x");
            Thread.sleep(300);
            assertTrue(got.isEmpty(), "told nothing: " + got);
        }
    }

    /** Ends, as the server's administrator, the sessions of this store's database that are listening. */
    int terminateListeners() throws Exception {
        String url = TestStore.db(StoreKind.POSTGRESQL, dir);
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = PostgresServer.get().superuser("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '"
                     + database + "' AND (query LIKE 'LISTEN%' OR query = 'SELECT 1')")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
