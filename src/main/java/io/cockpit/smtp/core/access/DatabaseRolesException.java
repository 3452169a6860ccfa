package io.cockpit.smtp.core.access;

/**
 * A server store could not grant or take away a login's group role (the store's owner may not manage roles); the
 * change of role was not saved either. Carries the server's own words.
 */
public final class DatabaseRolesException extends RuntimeException {
    public DatabaseRolesException(String serverMessage, Throwable cause) {
        super(serverMessage, cause);
    }
}
