package io.cockpit.smtp.core.store;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

/**
 * Where the store is: an H2 file path (without .mv.db) or a full jdbc: URL, the key file beside it, and the login to
 * a server store. Resolution order for each: the option, the environment variable, the default.
 */
public record DbLocation(String jdbcUrl, Path databaseFile, Path keyFile, String display, DbLogin login) {
    public static final String ENV_DB = "COCKPIT_SMTP_DB";
    public static final String ENV_KEY = "COCKPIT_SMTP_KEY_FILE";

    static {
        // H2's automatic server (AUTO_SERVER below) listens on loopback only, never on the machine's other
        // interfaces: it serves the file to this machine's processes, nothing else. H2 reads this once, when it first
        // loads; every store is reached through a location, so this class is loaded before H2 is.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    public static Path defaultBase() {
        return Paths.get(System.getProperty("user.home"), ".cockpit-smtp", "cockpit");
    }

    /**
     * @param db the --db option or null
     * @param keyFile the --key-file option or null
     */
    public static DbLocation resolve(String db, String keyFile) {
        return resolve(db, keyFile, System.getenv());
    }

    /**
     * As {@link #resolve(String, String)}, reading the environment from {@code env}.
     *
     * @throws InvalidLocationException when a server URL carries a password (it would sit on a command line)
     */
    public static DbLocation resolve(String db, String keyFile, Map<String, String> env) {
        String dbValue = firstNonBlank(db, env.get(ENV_DB));
        String keyValue = firstNonBlank(keyFile, env.get(ENV_KEY));
        if (dbValue != null && dbValue.startsWith("jdbc:")) {
            Path key = keyValue != null ? Paths.get(expandHome(keyValue)).toAbsolutePath()
                    : defaultBase().getParent().resolve("cockpit-smtp.key");
            DbLogin login = DbLogin.FROM_URL;
            if (StoreKind.of(dbValue) == StoreKind.POSTGRESQL) {
                refusePasswordIn(dbValue);
                login = new DbLogin(firstNonBlank(env.get(DbLogin.ENV_USER), null),
                        env.get(DbLogin.ENV_PASSWORD) == null || env.get(DbLogin.ENV_PASSWORD).isEmpty() ? null
                                : env.get(DbLogin.ENV_PASSWORD));
            }
            return new DbLocation(dbValue, null, key, dbValue, login);
        }
        Path base = (dbValue == null ? defaultBase() : Paths.get(expandHome(dbValue))).toAbsolutePath().normalize();
        String s = base.toString();
        if (s.endsWith(".mv.db")) {
            base = Paths.get(s.substring(0, s.length() - ".mv.db".length()));
        }
        Path key = keyValue != null ? Paths.get(expandHome(keyValue)).toAbsolutePath()
                : base.getParent().resolve("cockpit-smtp.key");
        // AUTO_SERVER: the console, a headless engine and a command may open the same file at once.
        // WRITE_DELAY=0: a committed row is handed to the OS at commit, so it survives kill -9.
        String url = "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        return new DbLocation(url, base, key, base + ".mv.db", DbLogin.FROM_URL);
    }

    /**
     * The URL for a process that holds an H2 store file alone for a moment ({@link StoreUse#BRIEF}): without serving
     * it to other processes. (It still compacts the file when it closes it, as every process does: without that, each
     * command left 20 to 50 KB more in the file until a lasting process closed it.) A URL given whole (a server store,
     * an H2 URL of the user's) is kept as given.
     */
    public String briefJdbcUrl() {
        return databaseFile == null ? jdbcUrl : jdbcUrl.replace(";AUTO_SERVER=TRUE", "");
    }

    public StoreKind kind() {
        return StoreKind.of(jdbcUrl);
    }

    /** The folder for the log file and other files kept beside the store. */
    public Path folder() {
        return databaseFile != null ? databaseFile.getParent() : keyFile.getParent();
    }

    // A URL is given on the command line or in the environment, where other users may read it (ps, /proc).
    private static void refusePasswordIn(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (name.trim().toLowerCase(Locale.ROOT).equals("password")) {
                throw new InvalidLocationException("db", "the URL must not hold the password; give it in "
                        + DbLogin.ENV_PASSWORD + " or in PostgreSQL's password file (PGPASSFILE or ~/.pgpass)");
            }
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    private static String expandHome(String p) {
        return p.startsWith("~/") ? System.getProperty("user.home") + p.substring(1) : p;
    }
}
