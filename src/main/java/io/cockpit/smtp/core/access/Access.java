package io.cockpit.smtp.core.access;

import io.cockpit.smtp.core.history.Author;
import io.cockpit.smtp.core.history.ChangeSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who this process acts for, and whether their role allows a change: every service that changes something asks here
 * first ({@link #require}), so that a screen that shows no button and a command run by hand are held to the same rule.
 * The role is read from the store at each check: a role changed meanwhile (by an administrator elsewhere) applies at
 * once.
 *
 * <p>A store that knows nobody yet is claimed by the first identity that asks: the person who creates a store (or the
 * first to open one made before roles existed) is its administrator.
 */
public final class Access {
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);
    static final String SECTION = "user:";

    private final UserRepository users;
    private final Identity identity;
    private final ChangeSource source;
    /** The database login, read once (a pool logs in as one login for its whole life); null on an H2 file. */
    private volatile String login;
    private volatile boolean loginRead;

    /**
     * @param identity the operating-system user (the identity itself on an H2 file)
     * @param source where this process's changes come from: the console's screens or a command
     */
    public Access(UserRepository users, Identity identity, ChangeSource source) {
        this.users = users;
        this.identity = identity;
        this.source = source;
    }

    /** The caller now, with the role the store gives them (claiming a store that knows nobody yet). */
    public Caller caller() {
        String login = login();
        String name = login != null ? login : identity.osUser();
        Optional<Role> role = users.role(name);
        if (role.isEmpty() && claim(name, login)) {
            role = Optional.of(Role.ADMINISTRATOR);
        }
        return new Caller(name, identity.osUser(), login, role.orElse(null), source);
    }

    /** Whether the caller's role allows {@code operation} now. */
    public boolean allows(Operation operation) {
        return caller().may(operation);
    }

    /**
     * Returns the caller when their role allows {@code operation}.
     *
     * @throws NotPermittedException when it does not; nothing was changed
     */
    public Caller require(Operation operation) {
        Caller c = caller();
        if (!c.may(operation)) {
            LOG.info("refused: {} ({}) may not {}", c.name(), c.role() == null ? "no role" : c.role().cliName(), operation);
            throw new NotPermittedException(c.name(), c.role(), operation);
        }
        return c;
    }

    /** The author of changes made now, from this process's usual source; no store read on an H2 file. */
    public Author author() {
        return new Author(identity.osUser(), login(), source);
    }

    public ChangeSource source() {
        return source;
    }

    private String login() {
        if (!loginRead) {
            login = users.serverStore() ? users.sessionUser() : null;
            loginRead = true;
        }
        return login;
    }

    private boolean claim(String name, String login) {
        // No history line: a store only opened (store show before a copy into it) must still count as empty, and the
        // creator is who the history's first change names anyway.
        if (!users.claim(name, java.util.List.of())) {
            return false;
        }
        LOG.info("{} is the store's first user: its administrator", name);
        if (users.serverStore()) {
            users.grantAll(java.util.List.of(new StoreUser(name, Role.ADMINISTRATOR)));
        }
        return true;
    }
}
