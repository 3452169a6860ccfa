package io.cockpit.smtp.core.access;

import io.cockpit.smtp.core.history.ChangeLog;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.core.validation.ValidationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what: {@code user list}, {@code user set}, {@code user remove}. Each change is saved with its history
 * and, on PostgreSQL, with the login's group role, in one transaction; the store always keeps an administrator.
 */
public final class UserService {
    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);
    public static final int MAX_NAME = 128;

    private final UserRepository repository;
    private final Access access;

    public UserService(UserRepository repository, Access access) {
        this.repository = repository;
        this.access = access;
    }

    public List<StoreUser> list() {
        return repository.list();
    }

    /**
     * Gives {@code name} the role {@code role} (adding them when new).
     *
     * @throws ValidationException the name is not usable, is not a login of the server, or is the last administrator
     *                             being given another role
     * @throws NotPermittedException the caller is not an administrator
     * @throws DatabaseRolesException the server refused to grant the login its group role
     */
    public Role set(String name, Role role) throws ValidationException {
        Caller by = access.require(Operation.USER_CHANGE);
        String n = checkName(name);
        if (role == null) {
            throw ValidationException.of("role", Problem.REQUIRED);
        }
        Role before = repository.put(n, role, by.name(), (old, now) -> log(n, old, now, by));
        LOG.info("{} gave {} the role {} (was {})", by.name(), n, role.cliName(), before == null ? "none" : before.cliName());
        return before;
    }

    /**
     * Takes {@code name}'s role away: they may read no more than anyone the store does not know.
     *
     * @throws ValidationException the name is unknown, or is the last administrator's
     */
    public Role remove(String name) throws ValidationException {
        Caller by = access.require(Operation.USER_CHANGE);
        String n = checkName(name);
        Role before = repository.put(n, null, by.name(), (old, now) -> log(n, old, now, by));
        LOG.info("{} took the role {} away from {}", by.name(), before.cliName(), n);
        return before;
    }

    /** After a copy into this store: each user's login is granted its group role (a PostgreSQL store). */
    public void grantAllInDatabase() {
        repository.grantAll(repository.list());
    }

    private static List<io.cockpit.smtp.core.history.HistoryEntry> log(String name, Role before, Role after, Caller by) {
        return new ChangeLog(Access.SECTION + name, by.author())
                .field("role", before == null ? null : before.cliName(), after == null ? null : after.cliName())
                .entries();
    }

    private static String checkName(String name) throws ValidationException {
        if (Syntax.isBlank(name)) {
            throw ValidationException.of("name", Problem.REQUIRED);
        }
        String n = name.strip();
        if (n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.of("name", Problem.USER_NAME_INVALID);
        }
        return n;
    }
}
