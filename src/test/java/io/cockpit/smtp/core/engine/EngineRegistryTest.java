package io.cockpit.smtp.core.engine;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may take an engine, and when: a live holder keeps it; a dead one on this machine is taken over at once. */
class EngineRegistryTest {
    @TempDir Path dir;
    CoreServices s;

    @BeforeEach
    void open() {
        s = TestStore.open(dir);
    }

    @AfterEach
    void close() {
        s.close();
    }

    /** A holder that last beat just now, with a process id no process of this machine has. */
    void heldByAGoneProcess(String machine) {
        s.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE engine SET holder = ?, last_seen = ?, epoch = 4, "
                    + "machine = ? WHERE name = 'local'")) {
                ps.setString(1, EngineRegistry.hostName() + ":" + Integer.MAX_VALUE + ":deadbeef");
                ps.setObject(2, io.cockpit.smtp.core.store.SqlTime.odt(Instant.now()));
                ps.setString(3, machine);
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void aTakeOverRecordsTheProcessAndRaisesTheEpoch() throws Exception {
        EngineRegistry.Acquisition a = s.engineRegistry().acquire("local", EngineRegistry.newHolderId());
        assertTrue(a.taken());
        EngineInfo e = s.engineRegistry().find("local").orElseThrow();
        assertEquals(1, e.epoch());
        assertEquals(a.registration().epoch(), e.epoch());
        assertEquals(ProcessHandle.current().pid(), e.pid());
        assertEquals(EngineRegistry.hostName(), e.host());
        assertNotNull(e.version());
        assertTrue(s.engineRegistry().online(e));
        EngineRegistry.Acquisition second = s.engineRegistry().acquire("local", EngineRegistry.newHolderId());
        assertFalse(second.taken(), "a live holder keeps it");
        assertEquals(a.registration().holder(), second.heldBy().holder());
        s.engineRegistry().release(a.registration());
        assertFalse(s.engineRegistry().online(s.engineRegistry().find("local").orElseThrow()), "offline once let go");
        assertTrue(a.registration().lost());
    }

    @Test
    void aHolderWhoseProcessIsGoneFromThisMachineIsTakenOverAtOnceAndItsClaimsTakenBack() throws Exception {
        heldByAGoneProcess(EngineRegistry.machineId());
        assertFalse(s.engineRegistry().online(s.engineRegistry().find("local").orElseThrow()), "offline at once");
        EngineRegistry.Acquisition a = s.engineRegistry().acquire("local", EngineRegistry.newHolderId());
        assertTrue(a.taken());
        assertEquals(4L, a.deadEpoch(), "what it held may be taken back at once");
        assertEquals(5, a.registration().epoch());
    }

    @Test
    void aHolderOnAnotherMachineWithTheSameHostNameIsNotAssumedDead() throws Exception {
        heldByAGoneProcess("another-machine");
        assertTrue(s.engineRegistry().online(s.engineRegistry().find("local").orElseThrow()));
        assertFalse(s.engineRegistry().acquire("local", EngineRegistry.newHolderId()).taken(),
                "its heartbeat is fresh: it keeps the engine until it is stale");
    }

    @Test
    void aHeartbeatOfAHolderTakenOverLosesItsRegistration() throws Exception {
        EngineRegistration r = s.engineRegistry().acquire("local", EngineRegistry.newHolderId()).registration();
        assertTrue(s.engineRegistry().heartbeat(r));
        assertTrue(r.mayAct());
        heldByAGoneProcess("another-machine");
        assertFalse(s.engineRegistry().heartbeat(r));
        assertTrue(r.lost());
        assertFalse(r.mayAct(), "it sends nothing more");
    }

    @Test
    void theNameOfThePortalsGatewayIsRefusedForAnEngine() {
        var e = assertThrows(io.cockpit.smtp.core.validation.ValidationException.class,
                () -> s.engineRegistry().add("portal", true));
        assertEquals(io.cockpit.smtp.core.validation.Problem.NAME_RESERVED, e.problems().get(0).problem());
        assertEquals("name", e.problems().get(0).field());
        assertTrue(s.engineRegistry().find("portal").isEmpty(), "nothing registered");
    }

    @Test
    void aNameIsCheckedBeforeAnythingIsStored() {
        assertEquals(java.util.Optional.of(io.cockpit.smtp.core.validation.Problem.NAME_INVALID),
                EngineRegistry.nameProblem("site b"));
        assertEquals(java.util.Optional.of(io.cockpit.smtp.core.validation.Problem.NAME_INVALID),
                EngineRegistry.nameProblem("x".repeat(65)));
        assertEquals(java.util.Optional.empty(), EngineRegistry.nameProblem("site-b.lyon_2"));
    }
}
