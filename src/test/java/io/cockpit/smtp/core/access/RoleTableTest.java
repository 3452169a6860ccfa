package io.cockpit.smtp.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.mail.diagnosis.Cancellation;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisListener;
import io.cockpit.smtp.core.outbox.OutboxQuery;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each role against each service operation, on each kind of store: the whole table is run for one role and compared
 * at once, so a failure shows every cell that differs. "done" means the service did it; "refused" that it threw
 * {@link NotPermittedException} before changing anything.
 */
@OnEveryStore
class RoleTableTest {
    @Parameter StoreKind store;
    @TempDir Path dir;

    private static final String[] OPERATIONS = {"read gateway, outbox, history", "preview a template", "import dry run",
            "save gateway", "save format", "send", "retry", "test gateway", "purge", "import", "add engine",
            "change a user's role", "rotate the key"};

    /** What each role may do; reads are in the table too, since every role must keep them. */
    private static final Map<String, String> ADMINISTRATOR = table("done", "done", "done", "done", "done", "done", "done",
            "done", "done", "done", "done", "done", "done");
    private static final Map<String, String> SUPPORT = table("done", "done", "done", "refused", "refused", "refused",
            "refused", "refused", "refused", "refused", "refused", "refused", "refused");
    private static final Map<String, String> OPERATOR = table("done", "done", "done", "refused", "refused", "done",
            "done", "done", "refused", "refused", "refused", "refused", "refused");

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void eachRoleMayDoExactlyItsPart(Role role) throws Exception {
        RoleFixture people = RoleFixture.create(store, dir);
        long queued;
        String exported;
        try (CoreServices admin = people.openAs(people.administrator)) {
            TestStore.plainGateway(admin, 1, GatewayStatus.ACTIVE);
            queued = admin.outbox().enqueue(Outboxes.message("password-reset", "queued@example.com"));
            exported = admin.transfer().export().toString();
        }
        Map<String, String> seen = new LinkedHashMap<>();
        try (CoreServices s = people.openAs(people.nameOf(role))) {
            seen.put(OPERATIONS[0], attempt(() -> {
                s.gateways().loadPortal();
                s.outbox().search(OutboxQuery.newest(10));
                s.history().recent(10);
            }));
            seen.put(OPERATIONS[1], attempt(() -> s.formats().preview("fr", "Ticket {{TICKET_ID}}", Map.of())));
            seen.put(OPERATIONS[2], attempt(() -> s.transfer().importJson(exported, true, false)));
            seen.put(OPERATIONS[3], attempt(() -> s.gateways().save(s.gateways().loadPortal().toBuilder()
                    .server("relay.example.com").build())));
            seen.put(OPERATIONS[4], attempt(() -> s.formats().save(s.formats().load()
                    .withUrls("https://support.example.com", "https://ops.example.com"))));
            seen.put(OPERATIONS[5], attempt(() -> s.outbox().enqueue(Outboxes.message("password-reset", "new@example.com"))));
            seen.put(OPERATIONS[6], attempt(() -> s.outbox().retry(queued)));
            seen.put(OPERATIONS[7], attempt(() -> s.diagnosis().check(s.gateways().loadPortal(), DiagnosisListener.NONE,
                    new Cancellation())));
            seen.put(OPERATIONS[8], attempt(() -> s.outbox().purge(OutboxStatus.SENT, null)));
            seen.put(OPERATIONS[9], attempt(() -> s.transfer().importJson(exported, false, true)));
            seen.put(OPERATIONS[10], attempt(() -> s.engineRegistry().add("branch", true)));
            seen.put(OPERATIONS[11], attempt(() -> s.users().set(people.operator, Role.OPERATOR)));
            seen.put(OPERATIONS[12], attempt(() -> s.keyRotation().rotate()));
        }
        Map<String, String> expected = switch (role) {
            case ADMINISTRATOR -> ADMINISTRATOR;
            case SUPPORT -> SUPPORT;
            case OPERATOR -> OPERATOR;
        };
        assertEquals(expected, seen);
        if (role != Role.ADMINISTRATOR) {
            try (CoreServices admin = people.openAs(people.administrator)) {
                assertEquals("127.0.0.1", admin.gateways().loadPortal().server(), "a refused save changed nothing");
            }
        }
    }

    private interface Operation {
        void run() throws Exception;
    }

    private static String attempt(Operation op) {
        try {
            op.run();
            return "done";
        } catch (NotPermittedException refused) {
            return "refused";
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    private static Map<String, String> table(String... cells) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            m.put(OPERATIONS[i], cells[i]);
        }
        return m;
    }
}
