package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.DbLogin;
import io.cockpit.smtp.core.store.StoreKind;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real store, laid out as the CLI lays it out: on H2, files in a test folder (database {@code cockpit}, key file
 * {@code cockpit-smtp.key} beside it); on PostgreSQL, a database of its own on the tests' server
 * ({@link PostgresServer}), one per test folder, with the key file in the folder. A test may open with this and run
 * commands on the same store ({@link #cliArgs}, {@link #env}).
 */
public final class TestStore {
    private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();

    private TestStore() {
    }

    public static DbLocation location(Path dir) {
        return location(StoreKind.H2, dir);
    }

    public static DbLocation location(StoreKind kind, Path dir) {
        return DbLocation.resolve(db(kind, dir), keyFile(dir).toString(), env(kind));
    }

    public static CoreServices open(Path dir) {
        return CoreServices.open(location(dir));
    }

    public static CoreServices open(StoreKind kind, Path dir) {
        return CoreServices.open(location(kind, dir));
    }

    /** What {@code --db} is given for the store of {@code dir}: the H2 file's path, or the database's URL. */
    public static String db(StoreKind kind, Path dir) {
        if (kind == StoreKind.H2) {
            return dir.resolve("cockpit").toString();
        }
        PostgresServer server = PostgresServer.get();
        return server.url(DATABASES.computeIfAbsent(dir.toAbsolutePath(), d -> server.newDatabase()));
    }

    /** The environment a process needs besides {@code --db}: the login of a server store. */
    public static Map<String, String> env(StoreKind kind) {
        if (kind == StoreKind.H2) {
            return Map.of();
        }
        return Map.of(DbLogin.ENV_USER, PostgresServer.APP_USER, DbLogin.ENV_PASSWORD, PostgresServer.APP_PASSWORD);
    }

    /** The H2 file itself, for tests that read, damage or look for it. */
    public static Path databaseFile(Path dir) {
        return dir.resolve("cockpit.mv.db");
    }

    public static Path keyFile(Path dir) {
        return dir.resolve("cockpit-smtp.key");
    }

    /** Saves the portal gateway: plain SMTP to 127.0.0.1:port, From and Reply-To set, short timeouts. */
    public static GatewayConfig plainGateway(CoreServices s, int port, GatewayStatus status) throws Exception {
        GatewayConfig current = s.gateways().loadPortal();
        return s.gateways().save(current.toBuilder().status(status).server("127.0.0.1").port(port)
                .from("itsm@example.com").displayName("Service desk Été").replyTo("support@example.com")
                .connectTimeoutSeconds(2).readTimeoutSeconds(2).build());
    }

    /**
     * Writes every committed page to the H2 file now: H2 does not fsync on commit, and a test reads the file's bytes.
     */
    public static void flushToFile(CoreServices s) {
        s.database().inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                return st.execute("CHECKPOINT SYNC");
            }
        });
    }

    /** How many sessions of a PostgreSQL store's database wait for a lock now, seen from a connection of its own. */
    public static int lockWaiters(CoreServices s) {
        try (java.sql.Connection c = s.database().dedicatedConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                     + "AND wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean hasTable(CoreServices s, String table) {
        return s.database().inTransaction(c -> {
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        });
    }
}
