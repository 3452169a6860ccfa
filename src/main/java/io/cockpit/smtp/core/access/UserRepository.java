package io.cockpit.smtp.core.access;

import static io.cockpit.smtp.core.store.SqlTime.odt;

import io.cockpit.smtp.core.history.Author;
import io.cockpit.smtp.core.history.ChangeLog;
import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.core.history.HistoryRepository;
import io.cockpit.smtp.core.store.Database;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The people a store knows ({@code store_user}) and, on PostgreSQL, the group role each one's login is granted
 * (through the store's {@code cockpit_grant_role} function, which runs as the store's owner).
 */
public final class UserRepository {
    private static final Logger LOG = LoggerFactory.getLogger(UserRepository.class);
    /** The table of the people a store knows. */
    public static final String TABLE = "store_user";
    private final Database db;

    public UserRepository(Database db) {
        this.db = db;
    }

    /** True on a PostgreSQL store: people are database logins, and roles are granted in the database too. */
    public boolean serverStore() {
        return db.kind() == StoreKind.POSTGRESQL;
    }

    /** The login this process is connected as (PostgreSQL's session user). */
    public String sessionUser() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT session_user"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    public Optional<Role> role(String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT role FROM store_user WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Role.fromCli(rs.getString(1)) : Optional.<Role>empty();
                }
            }
        });
    }

    /** Everyone, by name. */
    public List<StoreUser> list() {
        return db.inTransaction(c -> {
            List<StoreUser> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, role FROM store_user ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoreUser(rs.getString(1), Role.fromCli(rs.getString(2)).orElseThrow()));
                }
            }
            return out;
        });
    }

    /**
     * Makes {@code name} the administrator of a store that knows nobody yet (a new store, or one made before roles
     * existed); false when the store already knows someone. On PostgreSQL the login is granted the administrators'
     * group role too, when the store's owner may grant it.
     */
    public boolean claim(String name, List<HistoryEntry> history) {
        try {
            return db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO store_user (name, role, updated_at, updated_by) "
                        + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM store_user)")) {
                    ps.setString(1, name);
                    ps.setString(2, Role.ADMINISTRATOR.cliName());
                    ps.setObject(3, odt(Instant.now()));
                    ps.setString(4, name);
                    if (ps.executeUpdate() == 0) {
                        return false;
                    }
                }
                HistoryRepository.append(c, history);
                return true;
            });
        } catch (RuntimeException raced) {
            // Another process of the same user claimed it at the same moment (the name is the key): it is theirs.
            if (role(name).isPresent()) {
                return false;
            }
            throw raced;
        }
    }

    /**
     * Gives {@code name} the role {@code role}, or takes their role away ({@code role} null), in one transaction with
     * its history (made from the role before and after) and, on PostgreSQL, the login's group role. The store always
     * keeps an administrator.
     *
     * @return the role before (null: none)
     * @throws ValidationException the name is unknown (removal), is not a login of the server, or is the last
     *                             administrator's; nothing was changed
     * @throws DatabaseRolesException the server refused to grant; nothing was changed
     */
    public Role put(String name, Role role, String by, BiFunction<Role, Role, List<HistoryEntry>> history)
            throws ValidationException {
        return put(name, role, by, history, true);
    }

    private Role put(String name, Role role, String by, BiFunction<Role, Role, List<HistoryEntry>> history,
                     boolean grantInDatabase) throws ValidationException {
        return db.inTransaction(c -> {
            Map<String, Role> all = lockAll(c);
            Role before = all.get(name);
            if (role == null && before == null) {
                throw ValidationException.of("name", Problem.USER_UNKNOWN);
            }
            long administrators = all.values().stream().filter(r -> r == Role.ADMINISTRATOR).count();
            if (before == Role.ADMINISTRATOR && role != Role.ADMINISTRATOR && administrators == 1) {
                throw ValidationException.of("name", Problem.LAST_ADMINISTRATOR);
            }
            if (role == null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM store_user WHERE name = ?")) {
                    ps.setString(1, name);
                    ps.executeUpdate();
                }
            } else {
                String sql = before == null
                        ? "INSERT INTO store_user (role, updated_at, updated_by, name) VALUES (?,?,?,?)"
                        : "UPDATE store_user SET role = ?, updated_at = ?, updated_by = ? WHERE name = ?";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, role.cliName());
                    ps.setObject(2, odt(Instant.now()));
                    ps.setString(3, by);
                    ps.setString(4, name);
                    ps.executeUpdate();
                }
            }
            HistoryRepository.append(c, history.apply(before, role));
            if (grantInDatabase && serverStore()) {
                grant(c, name, role);
            }
            return before;
        });
    }

    /**
     * Makes {@code name} an administrator unless they are one already (whoever copied a store into this one), with
     * its history. Their login's group role, on PostgreSQL, is left to {@link #grantAll}.
     */
    public void ensureAdministrator(String name, Author author) {
        if (role(name).orElse(null) == Role.ADMINISTRATOR) {
            return;
        }
        try {
            put(name, Role.ADMINISTRATOR, author.name(), (before, after) -> new ChangeLog(Access.SECTION + name, author)
                    .field("role", before == null ? null : before.cliName(), after.cliName()).entries(), false);
        } catch (ValidationException e) {
            throw new IllegalStateException("cannot make " + name + " an administrator: " + e.getMessage(), e);
        }
    }

    /** Grants each listed login its group role (after a copy into a PostgreSQL store); logins missing are skipped. */
    public void grantAll(List<StoreUser> users) {
        if (!serverStore()) {
            return;
        }
        for (StoreUser u : users) {
            try {
                db.<Void, ValidationException>inTransaction(c -> {
                    grant(c, u.name(), u.role());
                    return null;
                });
            } catch (ValidationException | DatabaseRolesException e) {
                LOG.warn("the login {} was not granted its role {} in the database: {}", u.name(), u.role().cliName(),
                        e.getMessage());
            }
        }
    }

    private static Map<String, Role> lockAll(Connection c) throws SQLException {
        Map<String, Role> all = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, role FROM store_user FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                all.put(rs.getString(1), Role.fromCli(rs.getString(2)).orElseThrow());
            }
        }
        return all;
    }

    private static void grant(Connection c, String name, Role role) throws SQLException, ValidationException {
        try (PreparedStatement ps = c.prepareStatement("SELECT cockpit_grant_role(?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, role == null ? null : role.cliName());
            ps.execute();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.equals("42704")) {
                throw ValidationException.of("name", Problem.LOGIN_UNKNOWN);
            }
            if (state.equals("42501") || state.equals("42883")) {
                // Not allowed, or a function the store does not have: the server's own words say which.
                throw new DatabaseRolesException(firstLine(e.getMessage()), e);
            }
            throw e;
        }
    }

    private static String firstLine(String s) {
        String m = s == null ? "" : s.strip();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).replaceFirst("(?i)^error:\\s*", "");
    }
}
