package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.access.Role;
import io.cockpit.smtp.core.access.RoleFixture;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** {@code user list|set|remove}, and a command refused by role (exit 4), on each kind of store. */
@OnEveryStore
class UserCommandTest {
    @Parameter StoreKind store;
    @TempDir Path dir;

    /** Who the commands run as: this process's user on H2, the store owner's login on PostgreSQL. */
    private String me() {
        return store == StoreKind.H2 ? System.getProperty("user.name") : "cockpit_app";
    }

    private CliRun run(String... args) {
        return CliRun.run(store, dir, null, args);
    }

    /** A person the store may know: any name on H2, a login of the server on PostgreSQL. */
    private String person(String stem) {
        return store == StoreKind.H2 ? stem : RoleFixture.newLogin(stem);
    }

    @Test
    void whoCreatesTheStoreIsItsAdministrator() {
        CliRun r = run("user", "list", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.json().size());
        assertEquals(me(), r.json().get(0).get("name").asText());
        assertEquals("administrator", r.json().get(0).get("role").asText());
    }

    @Test
    void aUserIsGivenARoleThenHasItTakenAway() {
        String sam = person("sam");
        CliRun set = run("user", "set", sam, "--role", "support");
        assertEquals(0, set.code(), set.err());
        assertEquals(sam + " is now support.", set.out().strip());
        assertEquals("support", roleOf(run("user", "list", "--json").json(), sam));
        CliRun again = run("user", "set", sam, "--role", "operator");
        assertEquals(sam + " is now operator (was support).", again.out().strip());
        CliRun removed = run("user", "remove", sam);
        assertEquals(0, removed.code(), removed.err());
        assertEquals(null, roleOf(run("user", "list", "--json").json(), sam));
        CliRun history = run("config", "history", "--json");
        List<String> changes = new ArrayList<>();
        history.json().forEach(e -> changes.add(e.get("section").asText() + " " + e.get("oldValue").asText(null) + "->"
                + e.get("newValue").asText(null)));
        assertEquals(List.of("user:" + sam + " operator->null", "user:" + sam + " support->operator",
                "user:" + sam + " null->support"), changes);
    }

    @Test
    void theLastAdministratorCannotBeRemoved() {
        CliRun r = run("user", "remove", me());
        assertEquals(ExitCode.INVALID, r.code());
        assertEquals("name: is the store's last administrator: give another user the administrator role first",
                r.err().lines().findFirst().orElseThrow());
        assertEquals("administrator", roleOf(run("user", "list", "--json").json(), me()));
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheField() {
        CliRun r = run("user", "set", "sam", "--role", "superuser");
        assertEquals(ExitCode.INVALID, r.code());
        assertEquals("role: must be one of administrator, support, operator", r.err().lines().findFirst().orElseThrow());
    }

    @Test
    void aChangeOutsideTheRoleExitsWithFourAndChangesNothing() throws Exception {
        String sam = person("sam");
        Map<String, String> env;
        if (store == StoreKind.H2) {
            // This process's user becomes support: an administrator of another name gives it that role.
            try (CoreServices mine = TestStore.open(dir)) {
                mine.users().set("ada", Role.ADMINISTRATOR);
            }
            RoleFixture.asOther(store, dir, "ada", s -> s.users().set(me(), Role.SUPPORT));
            env = Map.of();
            sam = me();
        } else {
            assertEquals(0, run("user", "set", sam, "--role", "support").code());
            env = Map.of(io.cockpit.smtp.core.store.DbLogin.ENV_USER, sam,
                    io.cockpit.smtp.core.store.DbLogin.ENV_PASSWORD, RoleFixture.PASSWORD);
        }
        CliRun r = CliRun.runWith(env, null, "--db", TestStore.db(store, dir), "--key-file",
                TestStore.keyFile(dir).toString(), "gateway", "set", "--server", "relay.example.com");
        assertEquals(ExitCode.NOT_PERMITTED, r.code(), r.err());
        assertEquals("not permitted: " + sam + " (support) may not change a gateway: that needs the administrator role. "
                + "Nothing was changed.", r.err().strip());
        CliRun shown = CliRun.runWith(env, null, "--db", TestStore.db(store, dir), "--key-file",
                TestStore.keyFile(dir).toString(), "gateway", "show", "--json");
        assertEquals(0, shown.code(), "support reads: " + shown.err());
        assertTrue(!shown.out().contains("relay.example.com"), shown.out());
    }

    private static String roleOf(JsonNode users, String name) {
        for (JsonNode u : users) {
            if (u.get("name").asText().equals(name)) {
                return u.get("role").asText();
            }
        }
        return null;
    }
}
