package io.cockpit.smtp.core.history;

/**
 * Who saved a change, and from where.
 *
 * @param osUser the operating-system user of the process that saved it
 * @param dbLogin the database login, on a server store (null on an H2 file, where the operating-system user is the
 *                identity)
 */
public record Author(String osUser, String dbLogin, ChangeSource source) {
    /** The name roles are given to: the database login on a server store, else the operating-system user. */
    public String name() {
        return dbLogin != null ? dbLogin : osUser;
    }
}
