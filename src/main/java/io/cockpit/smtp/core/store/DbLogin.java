package io.cockpit.smtp.core.store;

/**
 * The login to a server store. Either part may be null: the driver then takes the user from the URL or, like psql,
 * the operating-system user, and the password from PostgreSQL's password file ({@code PGPASSFILE} or
 * {@code ~/.pgpass}). The password never comes from the command line.
 */
public record DbLogin(String user, String password) {
    public static final String ENV_USER = "COCKPIT_SMTP_DB_USER";
    public static final String ENV_PASSWORD = "COCKPIT_SMTP_DB_PASSWORD";
    public static final DbLogin FROM_URL = new DbLogin(null, null);

    @Override
    public String toString() {
        return "DbLogin[user=" + user + ", password=" + (password == null ? "none" : "set") + "]";
    }
}
