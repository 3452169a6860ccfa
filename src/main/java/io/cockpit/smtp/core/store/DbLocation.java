package io.cockpit.smtp.core.store;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the store is: an H2 file path (without .mv.db) or a full jdbc: URL, and the key file beside it.
 * Resolution order for each: the option, the environment variable, the default.
 */
public record DbLocation(String jdbcUrl, Path databaseFile, Path keyFile, String display) {
    public static final String ENV_DB = "COCKPIT_SMTP_DB";
    public static final String ENV_KEY = "COCKPIT_SMTP_KEY_FILE";

    public static Path defaultBase() {
        return Paths.get(System.getProperty("user.home"), ".cockpit-smtp", "cockpit");
    }

    /**
     * @param db the --db option or null
     * @param keyFile the --key-file option or null
     */
    public static DbLocation resolve(String db, String keyFile) {
        String dbValue = firstNonBlank(db, System.getenv(ENV_DB));
        String keyValue = firstNonBlank(keyFile, System.getenv(ENV_KEY));
        if (dbValue != null && dbValue.startsWith("jdbc:")) {
            Path key = keyValue != null ? Paths.get(keyValue).toAbsolutePath()
                    : defaultBase().getParent().resolve("cockpit-smtp.key");
            return new DbLocation(dbValue, null, key, dbValue);
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
        return new DbLocation(url, base, key, base + ".mv.db");
    }

    /** The folder for the log file and other files kept beside the store. */
    public Path folder() {
        return databaseFile != null ? databaseFile.getParent() : keyFile.getParent();
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
