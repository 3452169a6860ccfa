package io.cockpit.smtp.core.access;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.history.ChangeSource;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.DbLogin;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.PostgresServer;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store with its three kinds of people, as a new administrator sets it up: whoever creates it (the tests' own
 * operating-system user "ada" on H2, the store owner's login on PostgreSQL) is its administrator and names a support
 * and an operator user. On PostgreSQL those are real logins of the tests' server, with a password of their own, so a
 * store opened as one of them is connected as that login.
 */
public final class RoleFixture {
    public static final String PASSWORD = "Role-Pa55-word";
    private static final AtomicInteger LOGINS = new AtomicInteger();

    private final StoreKind kind;
    private final Path dir;
    public final String administrator;
    public final String support;
    public final String operator;

    private RoleFixture(StoreKind kind, Path dir, String support, String operator) {
        this.kind = kind;
        this.dir = dir;
        this.administrator = kind == StoreKind.H2 ? "ada" : PostgresServer.APP_USER;
        this.support = support;
        this.operator = operator;
    }

    /** Creates the store as its administrator and gives the two others their roles. */
    public static RoleFixture create(StoreKind kind, Path dir) throws Exception {
        RoleFixture f = kind == StoreKind.H2 ? new RoleFixture(kind, dir, "sam", "otto")
                : new RoleFixture(kind, dir, newLogin("sam"), newLogin("otto"));
        try (CoreServices admin = f.openAs(f.administrator)) {
            admin.access().caller(); // the creator claims the new store
            admin.users().set(f.support, Role.SUPPORT);
            admin.users().set(f.operator, Role.OPERATOR);
        }
        return f;
    }

    /** A login of the tests' server, unique to this run (logins are the server's, not one database's). */
    public static String newLogin(String stem) {
        String name = (stem + "_" + ProcessHandle.current().pid() + "_" + LOGINS.incrementAndGet()).toLowerCase(Locale.ROOT);
        PostgresServer.get().superuserSql("postgres", "CREATE ROLE " + name + " LOGIN PASSWORD '" + PASSWORD + "'");
        return name;
    }

    /** Something done on a store as one person. */
    public interface AsPerson {
        void run(CoreServices s) throws Exception;
    }

    /** Does {@code action} on the H2 store of {@code dir} as the operating-system user {@code osUser}. */
    public static void asOther(StoreKind kind, Path dir, String osUser, AsPerson action) throws Exception {
        try (CoreServices s = CoreServices.open(TestStore.location(kind, dir), ChangeSource.COMMAND, new Identity(osUser))) {
            action.run(s);
        }
    }

    public StoreKind kind() {
        return kind;
    }

    public String nameOf(Role role) {
        return switch (role) {
            case ADMINISTRATOR -> administrator;
            case SUPPORT -> support;
            case OPERATOR -> operator;
        };
    }

    /** The store as {@code name} opens it from the command line. */
    public CoreServices openAs(String name) {
        return openAs(name, ChangeSource.COMMAND);
    }

    public CoreServices openAs(String name, ChangeSource source) {
        return CoreServices.open(location(name), source, new Identity(kind == StoreKind.H2 ? name : "ada"));
    }

    /** Where {@code name} finds the store: on PostgreSQL, logged in as their own login. */
    public DbLocation location(String name) {
        return DbLocation.resolve(TestStore.db(kind, dir), TestStore.keyFile(dir).toString(), env(name));
    }

    /** The environment a command run by {@code name} has (their login on PostgreSQL). */
    public Map<String, String> env(String name) {
        if (kind == StoreKind.H2) {
            return Map.of();
        }
        return name.equals(PostgresServer.APP_USER) ? TestStore.env(kind)
                : Map.of(DbLogin.ENV_USER, name, DbLogin.ENV_PASSWORD, PASSWORD);
    }
}
