package io.cockpit.smtp.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 file: an owner-only folder, a generated password, H2's automatic server on loopback only (not
 * started by a process that holds the file for a moment, see {@link StoreUse#BRIEF}), and {@code CHECKPOINT SYNC}
 * where a commit must survive a power cut (H2 does not fsync on commit).
 */
final class H2Connector implements StoreConnector {
    private static final Logger LOG = LoggerFactory.getLogger(H2Connector.class);
    static final String USER = "sa";

    /**
     * How long opening retries while other processes open the same file at the same moment, or hold it alone for a
     * moment (a burst of brief commands, a console started among them); within {@link StoreWaits#OPEN}.
     */
    private static final Duration OPEN_RACE = Duration.ofSeconds(12);

    private final DbLocation location;
    private final String password;
    /** The URL this process opened the file with: alone without a server, or with H2's automatic server. */
    private volatile String url;
    private volatile JdbcConnectionPool pool;
    /** A brief command's turn at a file no process serves; null once it opens the store the shared way. */
    private volatile BriefTurn turn;
    /** Bounds the waits of a process that reaches the file through another one's server; null for a URL store. */
    private final StoreWaits waits;

    private H2Connector(DbLocation location, BriefTurn turn, String password, StoreWaits waits) {
        this.location = location;
        this.password = password;
        this.waits = waits;
        this.turn = turn;
        useUrl(turn != null ? location.briefJdbcUrl() : location.jdbcUrl());
    }

    private void useUrl(String url) {
        this.url = url;
        JdbcConnectionPool p = JdbcConnectionPool.create(url, USER, password);
        p.setMaxConnections(16);
        this.pool = p;
    }

    static H2Connector open(DbLocation location, StoreUse use) {
        Path where = Path.of(location.display());
        if (location.databaseFile() != null) {
            Path folder = location.databaseFile().getParent();
            try {
                OwnerOnly.createFolders(folder);
            } catch (Exception e) {
                throw StoreException.of(StoreException.Reason.READ_ONLY, where, e);
            }
            if (!Files.isWritable(folder) || (Files.exists(where) && !Files.isWritable(where))) {
                throw StoreException.of(StoreException.Reason.READ_ONLY, where, null);
            }
            try {
                // H2 appends its error trace to this file when it exists: made here, it is owner-only from the start.
                Path trace = sibling(location, ".trace.db");
                if (!Files.exists(trace)) {
                    OwnerOnly.createFile(trace);
                }
            } catch (IOException e) {
                LOG.debug("no trace file made in advance: {}", e.toString());
            }
        }
        StoreWaits waits = null;
        if (location.databaseFile() != null) {
            // A lock left by a process that was killed is cleared now rather than waited out (about 3 s in H2).
            StaleLock.clear(sibling(location, ".lock.db"));
            // A store served by a stopped process is refused at once, naming it, rather than waited for.
            StoreWaits.failFastWhenServerStopped(where, location.display());
            waits = new StoreWaits(where, location.display());
        }
        Path passwordFile = H2Password.fileFor(location);
        String password;
        try {
            password = H2Password.readOrCreate(passwordFile);
        } catch (IOException e) {
            throw StoreException.of(StoreException.Reason.READ_ONLY, passwordFile, e);
        }
        // Alone only when nobody serves the file (no lock file: no process holds it with a server), one brief command
        // after the other.
        BriefTurn turn = null;
        if (use == StoreUse.BRIEF && location.databaseFile() != null) {
            try {
                turn = BriefTurn.take(sibling(location, ".brief.lock"), sibling(location, ".lock.db"), StoreWaits.OPEN,
                        location.display());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw StoreException.of(StoreException.Reason.UNAVAILABLE, where, e);
            }
        }
        H2Connector connector = new H2Connector(location, turn, password, waits);
        try {
            if (waits != null) {
                waits.call(() -> {
                    connector.logInRacing();
                    return null;
                }, StoreWaits.OPEN);
            } else {
                connector.logInRacing();
            }
        } catch (StoreNotAnswering e) {
            // A first connection still waiting for a stopped server keeps its thread until that server answers.
            connector.close();
            throw e;
        } catch (Exception e) {
            connector.close();
            throw connector.classify(e);
        }
        return connector;
    }

    /**
     * {@link #logIn}, tried again for a moment while another process opens the same file: two engines started
     * together find the file held before its server's address is written, the previous holder's address, or a lock
     * file just rewritten; each passes in a moment.
     */
    private void logInRacing() throws SQLException, InterruptedException {
        long end = System.nanoTime() + OPEN_RACE.toNanos();
        while (true) {
            try {
                logIn();
                if (waits != null) {
                    try (Connection c = pool.getConnection()) {
                        waits.firstConnection(c);
                    }
                }
                return;
            } catch (SQLException e) {
                if (!url.equals(location.jdbcUrl()) && e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                    // Held by another process since the look at the lock file: from now on as every process does,
                    // through its server if it serves the file, else waiting for it and then serving it.
                    pool.dispose();
                    releaseTurn();
                    useUrl(location.jdbcUrl());
                    continue;
                }
                if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1 && location.databaseFile() != null) {
                    // Held alone by a brief command: said at once when that command is stopped (Ctrl-Z).
                    Optional<StoreServer.Process> holder = BriefTurn.holder(sibling(location, ".brief.lock"));
                    if (holder.isPresent() && holder.get().stopped()) {
                        throw StoreNotAnswering.heldBy(location.display(), holder.get(), Duration.ZERO);
                    }
                }
                if (!openRace(e) || System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(100 + ThreadLocalRandom.current().nextInt(200));
            }
        }
    }

    private static boolean openRace(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> true;
            case ErrorCode.CONNECTION_BROKEN_1 -> m.contains("Connection refused");
            // "Concurrent update": the other process was writing the file's header as this one read it (it creates
            // the store, or claims it for its user, at that moment); read again.
            case ErrorCode.ERROR_OPENING_DATABASE_1 -> m.contains("Lock file recently modified")
                    || m.contains("Concurrent update");
            default -> false;
        };
    }

    /** The process that opened the file itself waits on no socket; the others wait at most a deadline. */
    @Override
    public <T> T bounded(Callable<T> work) throws Exception {
        if (waits == null || waits.servedHere()) {
            return work.call();
        }
        return waits.call(work, StoreWaits.TRANSACTION);
    }

    /**
     * Opens the first connection. A store made before it had a password (blank {@code sa}) is given the generated one
     * here; another process doing the same at the same moment makes the first try fail, then the last one succeed.
     */
    private void logIn() throws SQLException {
        try {
            check(pool.getConnection());
            return;
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw e;
            }
        }
        try (Connection legacy = connect("")) {
            try (Statement st = legacy.createStatement()) {
                // The password is generated from [A-Za-z0-9_-] only (H2Password), so it needs no escaping.
                st.execute("ALTER USER " + USER + " SET PASSWORD '" + password + "'");
            }
            LOG.info("the store {} now has a password of its own, kept in {}", location.display(),
                    H2Password.fileFor(location));
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw e;
            }
        }
        check(pool.getConnection());
    }

    private static void check(Connection c) throws SQLException {
        try (c) {
            c.isValid(5);
        }
    }

    private Connection connect(String pass) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", pass);
        return org.h2.Driver.load().connect(url, p);
    }

    @Override
    public StoreKind kind() {
        return StoreKind.H2;
    }

    @Override
    public DataSource pool() {
        return pool;
    }

    @Override
    public Connection dedicatedConnection() throws SQLException {
        return connect(password);
    }

    @Override
    public StoreException classify(Throwable failure) {
        Path where = Path.of(location.display());
        if (failure instanceof StoreException s) {
            return s;
        }
        SQLException e = Failures.find(failure, SQLException.class);
        if (e == null) {
            return StoreException.of(StoreException.Reason.UNAVAILABLE, where, failure);
        }
        StoreException.Reason reason = switch (e.getErrorCode()) {
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.FILE_ENCRYPTION_ERROR_1 -> StoreException.Reason.DAMAGED;
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> StoreException.Reason.IN_USE;
            case ErrorCode.DATABASE_IS_READ_ONLY, ErrorCode.FILE_CREATION_FAILED_1 -> StoreException.Reason.READ_ONLY;
            case ErrorCode.WRONG_USER_OR_PASSWORD -> StoreException.Reason.PASSWORD_FILE_MISMATCH;
            default -> {
                String m = String.valueOf(e.getMessage());
                if (m.contains("corrupted") || m.contains("MVStoreException") || m.contains("File is not a")) {
                    yield StoreException.Reason.DAMAGED;
                }
                yield StoreException.Reason.UNAVAILABLE;
            }
        };
        if (reason == StoreException.Reason.PASSWORD_FILE_MISMATCH) {
            return StoreException.of(reason, where.toString(), new StoreException.Facts(null, null, USER, null,
                    H2Password.fileFor(location).toString()), e);
        }
        return StoreException.of(reason, where, e);
    }

    @Override
    public void forceToDisk(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
    }

    @Override
    public boolean setsIsolationPerTransaction() {
        return true;
    }

    @Override
    public void opened() {
        if (location.databaseFile() != null) {
            // Created by H2 with the default umask; the folder is owner-only when we made it, these are in any case.
            for (String suffix : new String[] {".mv.db", ".lock.db", ".trace.db"}) {
                OwnerOnly.restrict(sibling(location, suffix));
            }
        }
    }

    private static Path sibling(DbLocation location, String suffix) {
        return Path.of(location.databaseFile() + suffix);
    }

    private void releaseTurn() {
        BriefTurn t = turn;
        turn = null;
        if (t != null) {
            t.close();
        }
    }

    @Override
    public void close() {
        pool.dispose();
        releaseTurn();
        if (waits != null) {
            waits.close();
        }
    }
}
