package io.cockpit.smtp.core.gateway;

import static io.cockpit.smtp.testing.ByteSearch.contains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import io.cockpit.smtp.core.validation.ValidationException;
import io.cockpit.smtp.testing.TestStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import org.junit.jupiter.params.Parameter;

@OnEveryStore
class GatewayStoreTest {
    @Parameter StoreKind store;
    private static final String PASSWORD = "Tr0ub4dor&3-pâss";

    @TempDir
    Path dir;

    private static GatewayConfig full(GatewayService s, GatewayConfig base) {
        return base.toBuilder().status(GatewayStatus.ACTIVE).engine("local").server("smtp.example.com").port(587)
                .security(Security.STARTTLS).helo("ws-042.example.com").auth(Authentication.PASSWORD).username("svc-itsm")
                .password(s.sealPassword("portal", PASSWORD.toCharArray())).from("itsm@example.com")
                .replyTo("support@example.com").displayName("Service desk — Café").connectTimeoutSeconds(7)
                .readTimeoutSeconds(42).maxPerMinute(30).build();
    }

    @Test
    void aSavedGatewayReadsBackIdenticalAfterReopening() throws Exception {
        GatewayConfig saved;
        try (CoreServices core = TestStore.open(store, dir)) {
            GatewayService s = core.gateways();
            saved = s.save(full(s, s.loadPortal()));
            assertEquals(1, saved.version());
        }
        try (CoreServices core = TestStore.open(store, dir)) {
            GatewayConfig again = core.gateways().loadPortal();
            assertEquals(saved, again);
            assertArrayEquals(PASSWORD.toCharArray(), core.gateways().openPassword(again));
        }
    }

    @Test
    void aNewStoreIsMigratedFromEmptyWithTheLocalEngineRegistered() {
        try (CoreServices core = TestStore.open(store, dir)) {
            assertTrue(TestStore.hasTable(core, "flyway_schema_history"));
            assertTrue(TestStore.hasTable(core, "gateway"));
            assertEquals(List.of("local"), core.engineRegistry().names());
            assertEquals(0, core.gateways().loadPortal().version());
        }
    }

    @Test
    void savingOverANewerVersionIsRefusedAndNothingIsOverwritten() throws Exception {
        try (CoreServices core = TestStore.open(store, dir)) {
            GatewayService s = core.gateways();
            GatewayConfig v0 = s.loadPortal();
            GatewayConfig first = s.save(v0.toBuilder().server("first.example.com").build());
            ConflictException e = assertThrows(ConflictException.class,
                    () -> s.save(v0.toBuilder().server("second.example.com").build()));
            assertEquals(0, e.expectedVersion());
            assertEquals(1, e.actualVersion());
            assertEquals(first, s.loadPortal());
        }
    }

    @Test
    void anInvalidSaveChangesNothing() throws Exception {
        try (CoreServices core = TestStore.open(store, dir)) {
            GatewayService s = core.gateways();
            GatewayConfig saved = s.save(s.loadPortal().toBuilder().server("ok.example.com").build());
            assertThrows(ValidationException.class, () -> s.save(saved.toBuilder().server("new.example.com").port(0).build()));
            assertEquals(saved, s.loadPortal());
        }
    }

    @Test
    void thePasswordIsNeitherInTheStoreNorInTheHistory() throws Exception {
        byte[] file = null;
        try (CoreServices core = TestStore.open(store, dir)) {
            GatewayService s = core.gateways();
            s.save(full(s, s.loadPortal()));
            List<HistoryEntry> h = core.history().recent(100);
            assertTrue(h.stream().anyMatch(e -> e.field().equals("password") && HistoryEntry.SECRET_SET.equals(e.newValue())), h.toString());
            assertTrue(h.stream().noneMatch(e -> String.valueOf(e.newValue()).contains(PASSWORD)));
            if (store == StoreKind.POSTGRESQL) {
                // The server's files are not ours to read: every stored column of the gateway, as text, instead.
                file = core.database().inTransaction(c -> {
                    StringBuilder rows = new StringBuilder();
                    try (java.sql.Statement st = c.createStatement();
                         java.sql.ResultSet rs = st.executeQuery("SELECT CAST(g.* AS TEXT) FROM gateway g")) {
                        while (rs.next()) {
                            rows.append(rs.getString(1));
                        }
                    }
                    return rows.toString().getBytes(StandardCharsets.UTF_8);
                });
            } else {
                TestStore.flushToFile(core);
            }
        }
        if (file == null) {
            file = Files.readAllBytes(TestStore.databaseFile(dir));
        }
        for (byte[] needle : List.of(PASSWORD.getBytes(StandardCharsets.UTF_8), PASSWORD.getBytes(StandardCharsets.UTF_16BE),
                PASSWORD.getBytes(StandardCharsets.UTF_16LE), PASSWORD.getBytes(StandardCharsets.ISO_8859_1),
                Base64.getEncoder().encode(PASSWORD.getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encode(("\0svc-itsm\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)))) {
            assertFalse(contains(file, needle), "found " + new String(needle, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void theKeyFileIsOwnerOnly() throws Exception {
        try (CoreServices core = TestStore.open(store, dir)) {
            core.gateways().sealPassword("portal", "x".toCharArray());
        }
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(TestStore.keyFile(dir))));
    }

    @Test
    void aReplacedKeyFileNeverYieldsTheCiphertextAsAPassword() throws Exception {
        try (CoreServices core = TestStore.open(store, dir)) {
            GatewayService s = core.gateways();
            s.save(full(s, s.loadPortal()));
        }
        Files.delete(TestStore.keyFile(dir));
        try (CoreServices core = TestStore.open(store, dir)) {
            core.secrets().seal("other".toCharArray(), "x"); // a new key file appears
            GatewayConfig g = core.gateways().loadPortal();
            assertTrue(g.passwordSet());
            SecretUnavailableException e = assertThrows(SecretUnavailableException.class, () -> core.gateways().openPassword(g));
            assertTrue(e.getMessage().contains("Enter it again"), e.getMessage());
        }
    }

    @Test
    void everyChangedFieldIsInTheHistoryWithOldAndNewValues() throws Exception {
        try (CoreServices core = TestStore.open(store, dir)) {
            GatewayService s = core.gateways();
            GatewayConfig v1 = s.save(s.loadPortal().toBuilder().server("a.example.com").build());
            s.save(v1.toBuilder().server("b.example.com").port(2525).build());
            List<HistoryEntry> h = core.history().recent(2);
            assertEquals(2, h.size());
            assertTrue(h.stream().anyMatch(e -> e.field().equals("server") && "a.example.com".equals(e.oldValue())
                    && "b.example.com".equals(e.newValue()) && e.section().equals("gateway:portal")));
            assertTrue(h.stream().anyMatch(e -> e.field().equals("port") && "25".equals(e.oldValue()) && "2525".equals(e.newValue())));
            assertFalse(h.get(0).osUser().isBlank());
        }
    }

    @Test
    void savesInsideOneAtomicUnitAreRolledBackTogether() throws Exception {
        try (CoreServices core = TestStore.open(store, dir)) {
            GatewayService s = core.gateways();
            GatewayConfig before = s.save(s.loadPortal().toBuilder().server("before.example.com").build());
            assertThrows(ConflictException.class, () -> core.database().<Void, ConflictException>atomically(() -> {
                try {
                    s.save(before.toBuilder().server("after.example.com").build());
                } catch (ValidationException e) {
                    throw new AssertionError(e);
                }
                throw new ConflictException("format", 0, 1); // the second save of the unit fails
            }));
            assertEquals(before, s.loadPortal());
            assertTrue(core.history().recent(10).stream().noneMatch(e -> "after.example.com".equals(e.newValue())));
        }
    }
}
