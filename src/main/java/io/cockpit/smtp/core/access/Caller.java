package io.cockpit.smtp.core.access;

import io.cockpit.smtp.core.history.Author;
import io.cockpit.smtp.core.history.ChangeSource;
import java.util.Optional;

/**
 * Who uses the store in this process, and the role the store gives them.
 *
 * @param name the identity roles are given to: the database login on a server store, else the operating-system user
 * @param osUser the operating-system user
 * @param dbLogin the database login on a server store; null on an H2 file
 * @param role null when the store gives this identity no role (it may read, and change nothing)
 * @param source where this process's changes come from (the console's screens, or a command)
 */
public record Caller(String name, String osUser, String dbLogin, Role role, ChangeSource source) {
    public Optional<Role> roleIfAny() {
        return Optional.ofNullable(role);
    }

    public boolean may(Operation operation) {
        return operation.allows(role);
    }

    /** The author of this caller's changes, from their usual source. */
    public Author author() {
        return new Author(osUser, dbLogin, source);
    }

    /** The author of a change that comes from {@code from} (an import) rather than the usual source. */
    public Author author(ChangeSource from) {
        return new Author(osUser, dbLogin, from);
    }
}
