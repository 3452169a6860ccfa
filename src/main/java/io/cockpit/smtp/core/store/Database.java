package io.cockpit.smtp.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store: opened once per process, migrated by Flyway, on an H2 file (shared with other processes through
 * AUTO_SERVER) or a PostgreSQL server. What differs between the two is in their {@link StoreConnector}. Every unit of
 * work runs in one transaction through {@link #inTransaction}.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** The version a store opened by this program ends at, per vendor: the latest migration it carries. */

    private final DbLocation location;
    private final StoreConnector connector;
    private final boolean migrated;

    private Database(DbLocation location, StoreConnector connector, boolean migrated) {
        this.location = location;
        this.connector = connector;
        this.migrated = migrated;
    }

    /** Opens (creating and migrating if needed) the store; failures become one plain sentence naming it. */
    public static Database open(DbLocation location) {
        return open(location, StoreUse.LASTING);
    }

    /** As {@link #open(DbLocation)}, for a process that keeps the store as long as {@code use} says. */
    public static Database open(DbLocation location, StoreUse use) {
        StoreConnector connector = StoreConnector.open(location, use);
        boolean migrated;
        try {
            AppliedSchema.SchemaAction action;
            try (Connection c = connector.pool().getConnection()) {
                SchemaVersion latest = latestKnown(location.jdbcUrl());
                action = AppliedSchema.read(c).map(a -> a.actionFor(latest)).orElse(AppliedSchema.SchemaAction.MIGRATE);
            }
            if (action == AppliedSchema.SchemaAction.REFUSE_NEWER) {
                throw StoreException.of(StoreException.Reason.NEWER_SCHEMA, location.display(), StoreException.Facts.NONE,
                        null);
            }
            migrated = action == AppliedSchema.SchemaAction.MIGRATE;
            if (migrated) {
                migrate(connector, location);
            }
            connector.opened();
        } catch (StoreNotAnswering e) {
            connector.close();
            throw e;
        } catch (SQLException e) {
            connector.close();
            throw connector.classify(e);
        } catch (RuntimeException e) {
            connector.close();
            throw connector.classify(e);
        }
        // Only a migration is worth a line: every command opens the store, and a portal may run one per message.
        if (migrated) {
            LOG.info("store at {} migrated to version {}", location.display(), latestKnown(location.jdbcUrl()));
        } else {
            LOG.debug("store open at {}", location.display());
        }
        return new Database(location, connector, migrated);
    }

    private static SchemaVersion latestKnown(String jdbcUrl) {
        return Migrations.LATEST;
    }

    /**
     * Flyway, only for a store that is new, behind, or has a failed migration: on one already at the latest version
     * its set-up, class path scan and validation cost about a third of a second for nothing. Flyway still checks
     * the history against the files whenever it migrates; a store that is up to date skips that check.
     */
    private static void migrate(StoreConnector connector, DbLocation location) {
        Flyway flyway = Flyway.configure()
                .dataSource(connector.pool())
                .locations(Migrations.flywayLocations(location.jdbcUrl()))
                .ignoreMigrationPatterns("*:future")
                // PostgreSQL runs DDL in transactions: all pending migrations in one, so a failure (a user that may
                // not create tables, a lost connection) leaves the schema as it was, never half-migrated.
                .group(connector.kind() == StoreKind.POSTGRESQL)
                .load();
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED) {
                throw StoreException.of(StoreException.Reason.NEWER_SCHEMA, location.display(), StoreException.Facts.NONE,
                        null);
            }
        }
        flyway.migrate();
    }

    public DbLocation location() {
        return location;
    }

    /** True when opening ran Flyway (a new store, or one behind this program); false when it was already up to date. */
    public boolean migrated() {
        return migrated;
    }

    /** Which database holds this store. */
    public StoreKind kind() {
        return connector.kind();
    }

    /**
     * A new connection outside the pool, with the store's login, in auto-commit mode; the caller closes it. For a
     * session that stays open (a listener), which would otherwise hold one of the pool's connections for good.
     */
    public Connection dedicatedConnection() {
        try {
            return connector.dedicatedConnection();
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    /**
     * Whether other processes are told of a change as it commits ({@link #notifyOthers}, PostgreSQL's NOTIFY); where
     * not (H2), they find it on their next poll.
     */
    public boolean notifies() {
        return connector.notifies();
    }

    /**
     * Tells the processes listening on {@code channel} (this one included) once the current transaction commits, or
     * in a transaction of its own outside one; does nothing where {@link #notifies} is false.
     */
    public void notifyOthers(String channel, String payload) {
        if (!connector.notifies()) {
            return;
        }
        inTransaction(c -> {
            connector.notify(c, channel, payload);
            return null;
        });
    }

    /**
     * Calls {@code listener} with every payload sent on {@code channel} by any process, on the store's listener thread;
     * null when notifications may have been missed (look at the store again). Never called where {@link #notifies} is
     * false. Returns what stops listening.
     */
    public Runnable listen(String channel, Consumer<String> listener) {
        return connector.listen(channel, listener);
    }

    /** The kind, location, schema version and user of this store. */
    public StoreDescription describe() {
        return inTransaction(c -> {
            String version = null;
            try (java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE "
                         + "\"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
                if (rs.next()) {
                    version = rs.getString(1);
                }
            }
            String user;
            if (kind() == StoreKind.POSTGRESQL) {
                try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT current_user")) {
                    rs.next();
                    user = rs.getString(1);
                }
            } else {
                user = System.getProperty("user.name");
            }
            return new StoreDescription(kind(), location.display(), version, user);
        });
    }

    /** A unit of work on one connection, committed when it returns, rolled back when it throws. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Connection c) throws SQLException, E;
    }

    /** Work that must commit or roll back as one, across several repositories. */
    @FunctionalInterface
    public interface Atomic<T, E extends Exception> {
        T run() throws E;
    }

    // The connection of the transaction this thread is in, so that repositories called inside atomically() join it.
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    /** Runs several repositories' saves in one transaction: all are committed, or none. */
    public <T, E extends Exception> T atomically(Atomic<T, E> work) throws E {
        return inTransaction(c -> work.run());
    }

    public <T, E extends Exception> T inTransaction(Work<T, E> work) throws E {
        return run(work, Connection.TRANSACTION_READ_COMMITTED, false);
    }

    /**
     * As {@link #inTransaction}, and the commit is on disk when this returns, so that it survives a power cut, not
     * only the process being killed. Inside {@link #atomically} the enclosing transaction commits it, without this
     * guarantee. Costs a sync of the H2 file (see docs/benchmarks); nothing more on PostgreSQL.
     */
    public <T, E extends Exception> T durably(Work<T, E> work) throws E {
        return run(work, Connection.TRANSACTION_READ_COMMITTED, true);
    }

    /** Work that reads several tables as of one moment (a repeatable-read transaction), such as a copy. */
    public <T, E extends Exception> T inSnapshot(Work<T, E> work) throws E {
        return run(work, Connection.TRANSACTION_REPEATABLE_READ, false);
    }

    /**
     * One transaction. Its wait on the store is bounded by the connector: on a shared H2 file, a store that does not
     * answer in time throws {@link StoreNotAnswering}.
     */
    private <T, E extends Exception> T run(Work<T, E> work, int isolation, boolean durable) throws E {
        Connection joined = current.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw new StoreFailure(e);
            }
        }
        try {
            return connector.bounded(() -> transaction(work, isolation, durable));
        } catch (Exception e) {
            throw Rethrow.<E>as(e);
        }
    }

    /** Lets the work's own exception through the connector's store thread unchanged. */
    private static final class Rethrow {
        @SuppressWarnings("unchecked")
        static <E extends Exception> E as(Exception e) throws E {
            throw (E) e;
        }
    }

    private <T, E extends Exception> T transaction(Work<T, E> work, int isolation, boolean durable) throws E {
        try (Connection c = connector.pool().getConnection()) {
            c.setAutoCommit(false);
            if (isolation != Connection.TRANSACTION_READ_COMMITTED || connector.setsIsolationPerTransaction()) {
                c.setTransactionIsolation(isolation);
            }
            current.set(c);
            try {
                T result = work.run(c);
                c.commit();
                if (durable) {
                    connector.forceToDisk(c);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                // The level set here does not outlive the transaction: the next one on H2 sets its own, and the
                // PostgreSQL pool resets a connection's level when it is given back.
                current.remove();
            }
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    @Override
    public void close() {
        connector.close();
    }
}
