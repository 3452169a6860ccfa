package io.cockpit.smtp.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.sql.DataSource;
import org.postgresql.jdbcurlresolver.PgPassParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server: a HikariCP pool (docs/decisions/0010) logged in as {@link DbLogin} says, and the driver's
 * failures turned into sentences that name the server, database and user. A commit is durable on the server with
 * PostgreSQL's defaults, so nothing more is done for it.
 */
final class PostgresConnector implements StoreConnector {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresConnector.class);
    private final DbLocation location;
    private final ServerUrl url;
    private final HikariDataSource pool;
    private PostgresListener listener;

    private PostgresConnector(DbLocation location, ServerUrl url, HikariDataSource pool) {
        this.location = location;
        this.url = url;
        this.pool = pool;
    }

    static PostgresConnector open(DbLocation location) {
        ServerUrl url = ServerUrl.parse(location);
        HikariConfig config = new HikariConfig();
        config.setPoolName("cockpit-store");
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(location.login().user());
        config.setPassword(location.login().password());
        config.setMaximumPoolSize(16);
        // A command needs one connection; an engine or the console grow the pool as their threads need it.
        config.setMinimumIdle(1);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.addDataSourceProperty("ApplicationName", "cockpit-smtp");
        // One try at start: a wrong URL or login is reported at once, not after the pool's retries.
        config.setInitializationFailTimeout(1);
        if (!url.sslMode().equals("verify-full") && !url.isLocal()) {
            LOG.warn("the store's server {} is reached with sslmode={}: its certificate and name are not checked; use "
                    + "sslmode=verify-full&sslrootcert=FILE", url.server(), url.sslMode());
        }
        try {
            return new PostgresConnector(location, url, new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw classify(location, url, e);
        }
    }

    @Override
    public StoreKind kind() {
        return StoreKind.POSTGRESQL;
    }

    @Override
    public DataSource pool() {
        return pool;
    }

    @Override
    public Connection dedicatedConnection() throws SQLException {
        return connect(new Properties());
    }

    /**
     * The listener's connection: a connection that hangs (a server gone without closing it) fails its check query
     * within the socket timeout instead of holding the listener for good; keep-alives let the kernel find it sooner.
     */
    private Connection listenerConnection() throws SQLException {
        Properties p = new Properties();
        p.setProperty("connectTimeout", "10");
        p.setProperty("socketTimeout", "30");
        p.setProperty("tcpKeepAlive", "true");
        return connect(p);
    }

    private Connection connect(Properties p) throws SQLException {
        if (location.login().user() != null) {
            p.setProperty("user", location.login().user());
        }
        if (location.login().password() != null) {
            p.setProperty("password", location.login().password());
        }
        p.setProperty("ApplicationName", "cockpit-smtp");
        Connection c = new org.postgresql.Driver().connect(url.jdbcUrl(), p);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + location.display());
        }
        return c;
    }

    @Override
    public StoreException classify(Throwable failure) {
        return classify(location, url, failure);
    }

    private static StoreException classify(DbLocation location, ServerUrl url, Throwable failure) {
        if (failure instanceof StoreException s) {
            return s;
        }
        StoreException.Facts facts = new StoreException.Facts(url.server(), url.database(), url.user(), url.schema(), null);
        SQLException e = Failures.find(failure, SQLException.class);
        if (e == null && String.valueOf(failure.getMessage()).contains("non-empty schema")) {
            // Flyway's own refusal to create a store among other tables (its advice, a baseline, is not ours to give).
            return StoreException.of(StoreException.Reason.SCHEMA_NOT_EMPTY, location.display(), facts, failure);
        }
        String state = e == null || e.getSQLState() == null ? "" : e.getSQLState();
        StoreException.Reason reason;
        if (state.equals("08001")) {
            reason = StoreException.Reason.UNREACHABLE;
        } else if (state.equals("08006")) {
            reason = isTls(e) ? StoreException.Reason.TLS_FAILED : StoreException.Reason.UNREACHABLE;
        } else if (state.equals("08004")) {
            // The driver's "rejected" covers both "no password was given" and "the server has no TLS".
            if (!hasPassword(location, url)) {
                reason = StoreException.Reason.PASSWORD_MISSING;
            } else if (url.requiresTls()) {
                reason = StoreException.Reason.TLS_FAILED;
            } else {
                reason = StoreException.Reason.UNAVAILABLE;
            }
        } else if (state.equals("28P01")) {
            reason = StoreException.Reason.LOGIN_FAILED;
        } else if (state.equals("28000")) {
            reason = url.sslMode().equals("disable") ? StoreException.Reason.TLS_REQUIRED : StoreException.Reason.ACCESS_REFUSED;
        } else if (state.equals("3D000")) {
            reason = StoreException.Reason.DATABASE_MISSING;
        } else if (state.equals("42501")) {
            reason = StoreException.Reason.MIGRATION_NOT_PERMITTED;
        } else {
            reason = StoreException.Reason.UNAVAILABLE;
        }
        Throwable cause = e != null ? e : failure;
        return StoreException.of(reason, location.display(), facts, cause);
    }

    private static boolean isTls(SQLException e) {
        if (Failures.find(e, SSLException.class) != null) {
            return true;
        }
        // A host name that is not the certificate's, or a root certificate file that cannot be read, fails in the
        // driver's TLS code without an SSLException.
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("org.postgresql.ssl.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPassword(DbLocation location, ServerUrl url) {
        return location.login().password() != null
                || PgPassParser.getPassword(url.host(), url.port(), url.database(), url.user()) != null;
    }

    @Override
    public boolean notifies() {
        return true;
    }

    /** {@code pg_notify}: sent when the transaction commits, dropped when it rolls back. */
    @Override
    public void notify(Connection c, String channel, String payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, payload);
            ps.execute();
        }
    }

    @Override
    public Runnable listen(String channel, Consumer<String> listener) {
        return listener().listen(channel, listener);
    }

    private synchronized PostgresListener listener() {
        if (listener == null) {
            listener = new PostgresListener(this::listenerConnection);
        }
        return listener;
    }

    @Override
    public void forceToDisk(Connection c) {
        // The server has written the commit to its log before answering it (synchronous_commit, on by default).
    }

    @Override
    public boolean setsIsolationPerTransaction() {
        return false;
    }

    @Override
    public void opened() {
    }

    @Override
    public void close() {
        synchronized (this) {
            if (listener != null) {
                listener.close();
            }
        }
        pool.close();
    }

    /** The parts of a PostgreSQL URL that a sentence names, as the driver reads them. */
    record ServerUrl(String jdbcUrl, String host, String port, String database, String user, String schema,
                     String sslMode) {
        static ServerUrl parse(DbLocation location) {
            Properties p = org.postgresql.Driver.parseURL(location.jdbcUrl(), null);
            if (p == null) {
                throw new InvalidLocationException("db", "not a PostgreSQL URL the driver can read: "
                        + "jdbc:postgresql://HOST:PORT/DATABASE?sslmode=verify-full&sslrootcert=FILE");
            }
            String jdbcUrl = location.jdbcUrl();
            String user = p.getProperty("user");
            if (location.login().user() != null) {
                // The URL's own user would win over the login's in the driver: the environment's user is meant to.
                jdbcUrl = withoutParameter(jdbcUrl, "user");
                user = location.login().user();
            }
            if (user == null) {
                user = System.getProperty("user.name");
            }
            String host = firstOf(p.getProperty("PGHOST", "localhost"));
            String port = firstOf(p.getProperty("PGPORT", "5432"));
            String schema = p.getProperty("currentSchema");
            return new ServerUrl(jdbcUrl, host, port, p.getProperty("PGDBNAME", user), user,
                    schema == null || schema.isBlank() ? "public" : firstOf(schema),
                    p.getProperty("sslmode", "prefer").toLowerCase(Locale.ROOT));
        }

        String server() {
            return host + ":" + port;
        }

        /** This machine: a server reached without leaving it needs no TLS. */
        boolean isLocal() {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]")
                    || host.startsWith("/");
        }

        boolean requiresTls() {
            return sslMode.equals("require") || sslMode.startsWith("verify");
        }

        private static String firstOf(String commaList) {
            int comma = commaList.indexOf(',');
            return comma < 0 ? commaList : commaList.substring(0, comma);
        }

        private static String withoutParameter(String url, String name) {
            int q = url.indexOf('?');
            if (q < 0) {
                return url;
            }
            StringBuilder kept = new StringBuilder();
            for (String pair : url.substring(q + 1).split("&")) {
                String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!key.equalsIgnoreCase(name) && !pair.isEmpty()) {
                    kept.append(kept.length() == 0 ? "" : "&").append(pair);
                }
            }
            return url.substring(0, q) + (kept.length() == 0 ? "" : "?" + kept);
        }
    }
}
