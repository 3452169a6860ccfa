package io.cockpit.smtp.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL a role holds even for someone who bypasses the program: the same changes tried over plain JDBC with
 * each login are refused by the database itself (SQLSTATE 42501, insufficient privilege), and reading is allowed.
 */
class DatabaseGrantsTest {
    @TempDir Path dir;
    private RoleFixture people;
    private long messageId;

    /** Each statement, in auto-commit: a refusal leaves the next one free to run. */
    private static final Map<String, String> STATEMENTS = statements();

    private static Map<String, String> statements() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("read the gateway", "SELECT server FROM gateway");
        m.put("read the history", "SELECT COUNT(*) FROM config_history");
        m.put("change the gateway's server", "UPDATE gateway SET server = 'evil.example.com'");
        m.put("change the email format", "UPDATE email_format SET version = version + 1");
        m.put("forge a history line", "INSERT INTO config_history (changed_at, os_user, section, field) "
                + "VALUES (CURRENT_TIMESTAMP, 'x', 'gateway:portal', 'server')");
        m.put("give oneself a role", "UPDATE store_user SET role = 'administrator'");
        m.put("delete messages", "DELETE FROM outbox_recipient");
        m.put("retry a message", "UPDATE outbox_message SET status = 'queued', next_attempt_at = CURRENT_TIMESTAMP, "
                + "updated_at = CURRENT_TIMESTAMP WHERE id = -1");
        m.put("add an engine", "INSERT INTO engine (name, remote) VALUES ('rogue', TRUE)");
        m.put("ask an engine to test its gateway", "INSERT INTO engine_diagnosis (engine, status, requested_by, "
                + "requested_at) VALUES ('local', 'requested', 'x', CURRENT_TIMESTAMP)");
        return m;
    }

    @BeforeEach
    void storeWithItsPeople() throws Exception {
        people = RoleFixture.create(StoreKind.POSTGRESQL, dir);
        try (CoreServices admin = people.openAs(people.administrator)) {
            TestStore.plainGateway(admin, 1, GatewayStatus.ACTIVE);
            messageId = admin.outbox().enqueue(Outboxes.message("password-reset", "queued@example.com"));
        }
    }

    @Test
    void aSupportLoginMayOnlyRead() throws Exception {
        assertEquals(expect("allowed", "allowed", "refused", "refused", "refused", "refused", "refused", "refused",
                "refused", "refused"), attemptAll(people.support));
    }

    @Test
    void anOperatorLoginMayReadRetryAndAskForAnEngineTestButChangeNoConfiguration() throws Exception {
        assertEquals(expect("allowed", "allowed", "refused", "refused", "refused", "refused", "refused", "allowed",
                "refused", "allowed"), attemptAll(people.operator));
    }

    @Test
    void anOperatorLoginMayAddToTheOutbox() throws Exception {
        try (CoreServices operator = people.openAs(people.operator)) {
            long id = operator.outbox().enqueue(Outboxes.message("password-reset", "new@example.com"));
            assertEquals("new@example.com", Outboxes.get(operator, id).to().get(0));
        }
    }

    @Test
    void aLoginWhoseRoleIsRemovedMayNoLongerRead() throws Exception {
        try (CoreServices admin = people.openAs(people.administrator)) {
            admin.users().remove(people.support);
        }
        assertEquals("refused", attempt(people.support, STATEMENTS.get("read the gateway")));
    }

    private Map<String, String> attemptAll(String login) {
        Map<String, String> seen = new LinkedHashMap<>();
        STATEMENTS.forEach((what, sql) -> seen.put(what, attempt(login, sql.replace("-1", Long.toString(messageId)))));
        return seen;
    }

    private String attempt(String login, String sql) {
        try (Connection c = DriverManager.getConnection(TestStore.db(StoreKind.POSTGRESQL, dir), login,
                RoleFixture.PASSWORD); Statement st = c.createStatement()) {
            st.execute(sql);
            return "allowed";
        } catch (SQLException e) {
            return "42501".equals(e.getSQLState()) ? "refused" : "failed: " + e.getSQLState() + " " + e.getMessage();
        }
    }

    private static Map<String, String> expect(String... cells) {
        Map<String, String> m = new LinkedHashMap<>();
        int i = 0;
        for (String what : STATEMENTS.keySet()) {
            m.put(what, cells[i++]);
        }
        return m;
    }
}
