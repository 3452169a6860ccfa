package io.cockpit.smtp.core.store;

import java.nio.file.Path;

/**
 * The configuration store could not be opened or used; the message is one plain sentence naming the store and, for a
 * server store, the server, database and user concerned. The console words the same {@link Reason} in its own
 * language from {@link #location()} and {@link #facts()}.
 */
public final class StoreException extends RuntimeException {
    public enum Reason {
        READ_ONLY, NEWER_SCHEMA, DAMAGED, IN_USE, UNAVAILABLE,
        /** The H2 file refused the password kept in its password file (lost, or from another folder). */
        PASSWORD_FILE_MISMATCH,
        /** No server answers at the URL's host and port. */
        UNREACHABLE,
        /** The server refused the user's password. */
        LOGIN_FAILED,
        /** The server asks for a password and none was given (environment or password file). */
        PASSWORD_MISSING,
        /** The server refused the user on that database (unknown user, or its access rules). */
        ACCESS_REFUSED,
        /** The server refused a connection without TLS. */
        TLS_REQUIRED,
        /** TLS could not be set up: certificate not trusted, host name not in it, or no TLS on the server. */
        TLS_FAILED,
        /** The server has no database of that name. */
        DATABASE_MISSING,
        /** The store needs creating or upgrading and the connected user may not create tables. */
        MIGRATION_NOT_PERMITTED,
        /** The schema holds tables of something else and no store: the store needs one of its own. */
        SCHEMA_NOT_EMPTY
    }

    /**
     * What a sentence names besides the store: {@code server} as host:port, {@code database}, {@code user},
     * {@code schema}; for an H2 store only {@code passwordFile} may be set. Unknown parts are null.
     */
    public record Facts(String server, String database, String user, String schema, String passwordFile) {
        public static final Facts NONE = new Facts(null, null, null, null, null);
    }

    private final Reason reason;
    private final String location;
    private final Facts facts;

    public StoreException(Reason reason, String location, String message, Throwable cause) {
        this(reason, location, Facts.NONE, message, cause);
    }

    private StoreException(Reason reason, String location, Facts facts, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.location = location;
        this.facts = facts;
    }

    public static StoreException of(Reason reason, Path path, Throwable cause) {
        return of(reason, path.toString(), Facts.NONE, cause);
    }

    public static StoreException of(Reason reason, String where, Facts f, Throwable cause) {
        String store = "The configuration store " + where;
        String msg = switch (reason) {
            case READ_ONLY -> store + " cannot be written: check the folder's permissions.";
            case NEWER_SCHEMA -> store + " was written by a newer version of the console: update the console to open it.";
            case DAMAGED -> store + " is damaged and cannot be read: restore it from a backup.";
            case IN_USE -> store + " is locked by another program.";
            case UNAVAILABLE -> store + " cannot be opened: " + firstLine(cause);
            case PASSWORD_FILE_MISMATCH -> store + " refused the password kept in " + f.passwordFile()
                    + ": that file was lost or replaced; restore it from a backup of the store's folder.";
            case UNREACHABLE -> "The database server " + f.server() + " of the configuration store cannot be reached: check "
                    + "the host name and port, and that the server accepts connections from this machine.";
            case LOGIN_FAILED -> "The database server " + f.server() + " refused the password of user " + f.user()
                    + ": check " + DbLogin.ENV_PASSWORD + " or the user's line in the password file (~/.pgpass).";
            case PASSWORD_MISSING -> "The database server " + f.server() + " asks user " + f.user()
                    + " for a password and none was given: set " + DbLogin.ENV_PASSWORD + " or add the line "
                    + f.server() + ":" + f.database() + ":" + f.user() + ":PASSWORD to the password file (PGPASSFILE or "
                    + "~/.pgpass; the host as the URL writes it).";
            case ACCESS_REFUSED -> "The database server " + f.server() + " refused user " + f.user() + " on database "
                    + f.database() + ": the user does not exist, or the server's access rules (pg_hba.conf) do not let "
                    + "it connect from this machine; ask the database administrator.";
            case TLS_REQUIRED -> "The database server " + f.server() + " refused a connection without TLS: remove "
                    + "sslmode=disable from the URL and use sslmode=verify-full&sslrootcert=FILE.";
            case TLS_FAILED -> "The TLS connection to the database server " + f.server() + " failed (" + firstLine(cause)
                    + "): check that sslrootcert names the authority that signed the server's certificate and that the "
                    + "URL's host name is one of the certificate's names.";
            case DATABASE_MISSING -> "The database " + f.database() + " does not exist on the server " + f.server()
                    + ": ask the database administrator to create it (CREATE DATABASE " + f.database() + " OWNER "
                    + f.user() + ").";
            case MIGRATION_NOT_PERMITTED -> "User " + f.user() + " may not create the tables of the configuration store "
                    + "in database " + f.database() + " on " + f.server() + ", and nothing was changed: ask the database "
                    + "administrator to make " + f.user() + " the owner of the database, or to run GRANT CREATE ON SCHEMA "
                    + f.schema() + " TO " + f.user() + ".";
            case SCHEMA_NOT_EMPTY -> "The schema " + f.schema() + " of database " + f.database() + " on " + f.server()
                    + " holds tables that are not a configuration store's: give the store a database of its own (or a "
                    + "schema of its own, named in the URL with currentSchema=NAME).";
        };
        return new StoreException(reason, where, f, msg, cause);
    }

    static String firstLine(Throwable t) {
        if (t == null || t.getMessage() == null) {
            return "unknown error";
        }
        String m = t.getMessage();
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        // Drivers quote the exceptions they wrap ("SSL error: ...: sun.security...SunCertPathBuilderException: unable
        // to find ..."): the reason stays, the Java class names go.
        return line.replaceAll("\\b(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ", "");
    }

    /** The first line of the underlying error's own message (a technical fact, such as the driver's), for any reason. */
    public String causeText() {
        return firstLine(getCause());
    }

    public Reason reason() {
        return reason;
    }

    public String location() {
        return location;
    }

    public Facts facts() {
        return facts;
    }
}
