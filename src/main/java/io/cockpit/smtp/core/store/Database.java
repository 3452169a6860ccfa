package io.cockpit.smtp.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 store: opened once per process, migrated by Flyway, shared with other processes through AUTO_SERVER.
 * Every unit of work runs in one transaction through {@link #inTransaction}.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** The version a store opened by this program ends at, per vendor: the latest migration it carries. */
    private static final Map<String, SchemaVersion> LATEST_KNOWN = new ConcurrentHashMap<>();

    private final DbLocation location;
    private final JdbcConnectionPool pool;
    private final boolean migrated;
    /** Bounds the waits on an H2 file shared through its automatic server; null for a server store. */
    private final StoreWaits waits;

    private Database(DbLocation location, JdbcConnectionPool pool, boolean migrated, StoreWaits waits) {
        this.location = location;
        this.pool = pool;
        this.migrated = migrated;
        this.waits = waits;
    }

    /** Opens (creating and migrating if needed) the store; failures become one plain sentence naming the path. */
    public static Database open(DbLocation location) {
        Path where = location.databaseFile() != null ? Path.of(location.display()) : Path.of(location.jdbcUrl());
        if (location.databaseFile() != null) {
            Path folder = location.databaseFile().getParent();
            try {
                Files.createDirectories(folder);
            } catch (Exception e) {
                throw StoreException.of(StoreException.Reason.READ_ONLY, where, e);
            }
            Path file = Path.of(location.display());
            if (!Files.isWritable(folder) || (Files.exists(file) && !Files.isWritable(file))) {
                throw StoreException.of(StoreException.Reason.READ_ONLY, where, null);
            }
            StaleLock.clear(Path.of(location.databaseFile() + ".lock.db"));
        }
        StoreWaits waits = null;
        if (location.databaseFile() != null) {
            StoreWaits.failFastWhenServerStopped(where, location.display());
            waits = new StoreWaits(where, location.display());
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(location.jdbcUrl(), "sa", "");
        pool.setMaxConnections(16);
        boolean migrated;
        try {
            StoreWaits w = waits;
            Callable<AppliedSchema.SchemaAction> first = () -> {
                long end = System.nanoTime() + OPEN_RACE.toNanos();
                while (true) {
                    try (Connection c = pool.getConnection()) {
                        if (w != null) {
                            w.firstConnection(c);
                        }
                        SchemaVersion latest = latestKnown(location.jdbcUrl());
                        return AppliedSchema.read(c).map(a -> a.actionFor(latest)).orElse(AppliedSchema.SchemaAction.MIGRATE);
                    } catch (SQLException e) {
                        if (!openRace(e) || System.nanoTime() > end) {
                            throw e;
                        }
                        Thread.sleep(100 + java.util.concurrent.ThreadLocalRandom.current().nextInt(200));
                    }
                }
            };
            AppliedSchema.SchemaAction action = waits != null ? waits.call(first, StoreWaits.OPEN) : first.call();
            if (action == AppliedSchema.SchemaAction.REFUSE_NEWER) {
                throw StoreException.of(StoreException.Reason.NEWER_SCHEMA, where, null);
            }
            migrated = action == AppliedSchema.SchemaAction.MIGRATE;
            if (migrated) {
                migrate(pool, location.jdbcUrl(), where);
            }
        } catch (SQLException e) {
            dispose(pool, waits);
            throw classify(e, where);
        } catch (StoreException | StoreNotAnswering e) {
            // A first connection still waiting for a stopped server keeps its thread until that server answers.
            dispose(pool, waits);
            throw e;
        } catch (Exception e) {
            dispose(pool, waits);
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof SQLException sql) {
                throw classify(sql, where);
            }
            throw StoreException.of(StoreException.Reason.UNAVAILABLE, where, e);
        }
        // Only a migration is worth a line: every command opens the store, and a portal may run one per message.
        if (migrated) {
            LOG.info("store at {} migrated to version {}", location.display(), latestKnown(location.jdbcUrl()));
        } else {
            LOG.debug("store open at {}", location.display());
        }
        return new Database(location, pool, migrated, waits);
    }

    /** How long opening retries while another process is opening the same file at the same moment. */
    private static final java.time.Duration OPEN_RACE = java.time.Duration.ofSeconds(5);

    /**
     * Two processes opening the file at the same moment (two engines started together, or one just as another stops):
     * one holds the file but has not yet written its server's address, the address read is the previous holder's, or
     * the lock file was just rewritten. Each passes in a moment.
     */
    private static boolean openRace(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> true;
            case ErrorCode.CONNECTION_BROKEN_1 -> m.contains("Connection refused");
            case ErrorCode.ERROR_OPENING_DATABASE_1 -> m.contains("Lock file recently modified");
            default -> false;
        };
    }

    private static void dispose(JdbcConnectionPool pool, StoreWaits waits) {
        pool.dispose();
        if (waits != null) {
            waits.close();
        }
    }

    /**
     * Flyway, only for a store that is new, behind, or has a failed migration: on one already at the latest version
     * its set-up, class path scan and validation cost about a third of a second for nothing. Flyway still checks
     * the history against the files whenever it migrates; a store that is up to date skips that check.
     */
    private static void migrate(JdbcConnectionPool pool, String jdbcUrl, Path where) {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations(Migrations.flywayLocations(jdbcUrl))
                .ignoreMigrationPatterns("*:future")
                .load();
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED) {
                throw StoreException.of(StoreException.Reason.NEWER_SCHEMA, where, null);
            }
        }
        flyway.migrate();
    }

    private static StoreException classify(SQLException e, Path where) {
        int code = e.getErrorCode();
        StoreException.Reason reason = switch (code) {
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.FILE_ENCRYPTION_ERROR_1 -> StoreException.Reason.DAMAGED;
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> StoreException.Reason.IN_USE;
            case ErrorCode.DATABASE_IS_READ_ONLY, ErrorCode.FILE_CREATION_FAILED_1 -> StoreException.Reason.READ_ONLY;
            default -> {
                String m = String.valueOf(e.getMessage());
                if (m.contains("corrupted") || m.contains("MVStoreException") || m.contains("File is not a")) {
                    yield StoreException.Reason.DAMAGED;
                }
                yield StoreException.Reason.UNAVAILABLE;
            }
        };
        return StoreException.of(reason, where, e);
    }

    public DbLocation location() {
        return location;
    }

    private static SchemaVersion latestKnown(String jdbcUrl) {
        return LATEST_KNOWN.computeIfAbsent(Migrations.vendorFolder(jdbcUrl), v -> Migrations
                .latest(Database.class.getClassLoader(), jdbcUrl)
                .orElseThrow(() -> new IllegalStateException("no migration on the class path for " + v)));
    }

    /** True when opening ran Flyway (a new store, or one behind this program); false when it was already up to date. */
    public boolean migrated() {
        return migrated;
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

    /**
     * Runs {@code work} in one transaction, committed when it returns. On a shared H2 file the wait is bounded: a store
     * that does not answer within {@link StoreWaits#TRANSACTION} throws {@link StoreNotAnswering}.
     */
    public <T, E extends Exception> T inTransaction(Work<T, E> work) throws E {
        Connection joined = current.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw new StoreFailure(e);
            }
        }
        if (waits == null || waits.servedHere()) {
            return transaction(work);
        }
        try {
            return waits.call(() -> transaction(work), StoreWaits.TRANSACTION);
        } catch (Exception e) {
            throw StoreWaitsRethrow.<E>as(e);
        }
    }

    private <T, E extends Exception> T transaction(Work<T, E> work) throws E {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            current.set(c);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                current.remove();
            }
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
    }

    /** Lets the work's own exception through the store thread unchanged. */
    private static final class StoreWaitsRethrow {
        @SuppressWarnings("unchecked")
        static <E extends Exception> E as(Exception e) throws E {
            throw (E) e;
        }
    }

    @Override
    public void close() {
        dispose(pool, waits);
    }
}
