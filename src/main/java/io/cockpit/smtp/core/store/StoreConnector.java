package io.cockpit.smtp.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * What differs between the kinds of store, for {@link Database}: how the pool is made and logged into, what a failure
 * means in plain words, and how a commit reaches the disk. One class a kind, so that {@link Database} stays the same
 * for both.
 */
interface StoreConnector extends AutoCloseable {
    static StoreConnector open(DbLocation location, StoreUse use) {
        return location.kind() == StoreKind.POSTGRESQL ? PostgresConnector.open(location) : H2Connector.open(location, use);
    }

    StoreKind kind();

    /** The pool every transaction takes its connection from. */
    DataSource pool();

    /** A connection of its own, outside the pool, with the pool's login: for a session that must stay open. */
    Connection dedicatedConnection() throws SQLException;

    /** Any failure while opening or migrating the store, as one plain sentence. */
    StoreException classify(Throwable failure);

    /**
     * Runs after {@code c} committed and before the caller reports the commit as done: makes it survive a power cut
     * where the commit alone does not.
     */
    void forceToDisk(Connection c) throws SQLException;

    /** Whether each transaction must set READ COMMITTED itself (the pool does not reset it). */
    boolean setsIsolationPerTransaction();

    /**
     * Runs one unit of work on the store, its wait bounded where the kind needs it (an H2 file reached through
     * another process's server); by default on the caller's thread.
     */
    default <T> T bounded(Callable<T> work) throws Exception {
        return work.call();
    }

    /**
     * Whether other processes can be told of a change as it commits ({@link #notify}); where not (H2), they find it on
     * their next poll.
     */
    default boolean notifies() {
        return false;
    }

    /** Sends {@code payload} on {@code channel} when {@code c}'s transaction commits; nothing where {@link #notifies} is false. */
    default void notify(Connection c, String channel, String payload) throws SQLException {
    }

    /** Calls {@code listener} with every payload sent on {@code channel}; never where {@link #notifies} is false. */
    default Runnable listen(String channel, Consumer<String> listener) {
        return () -> { };
    }

    /** After the migrations ran: what the kind does once the store is ready (file modes for H2). */
    void opened();

    @Override
    void close();
}
