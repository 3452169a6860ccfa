package io.cockpit.smtp.ui.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.engine.EngineInfo;
import io.cockpit.smtp.core.outbox.NewMessage;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.common.FxEvents;
import io.cockpit.smtp.ui.common.InlineRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Moteurs screen's logic without the FX toolkit: inline runner, inline events, a real H2 file. */
class EnginesViewModelTest {
    @TempDir Path dir;
    CoreServices s;
    EnginesViewModel vm;

    @BeforeEach
    void open() throws Exception {
        s = TestStore.open(dir);
        s.engineRegistry().add("lyon", true);
        vm = new EnginesViewModel(s.engineOverview(), s.engineRegistry(), s.outbox().events(), new InlineRunner(),
                FxEvents.inline(), Clock.systemUTC());
        vm.refresh();
    }

    @AfterEach
    void close() {
        s.close();
    }

    private EngineRow row(String name) {
        return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anEngineThatNeverRanIsOfflineWithTheMessagesRoutedToIt() throws Exception {
        s.outbox().enqueue(new NewMessage("supervision-alert", List.of("noc@lyon.example.org"), "fr", null, "alerte",
                "disque plein", Map.of(), "lyon"));

        EngineRow lyon = row("lyon");
        assertFalse(lyon.online());
        assertFalse(lyon.everRan());
        assertTrue(lyon.remote());
        assertEquals(1, lyon.queued(), "the outbox event read the engines again");
        assertEquals(1, lyon.waiting());
    }

    @Test
    void theFirstEngineIsSelectedAtTheFirstReading() {
        assertEquals(vm.rows().get(0).name(), vm.selectedNameProperty().get());
        assertEquals(vm.rows().get(0), vm.selectedProperty().get());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "portal, NAME_RESERVED",
            "lyon, ENGINE_EXISTS",
            "'lyon nord', NAME_INVALID",
            "'lyon/nord', NAME_INVALID",
            "lyon-nord, none",
            "'', none"})
    void aNameIsCheckedAsTheCoreChecksItWhileTyped(String name, String problem) {
        vm.newNameProperty().set(name);
        FieldProblem p = vm.newNameProblemProperty().get();
        if (problem == null) {
            assertNull(p);
        } else {
            assertEquals("name", p.field());
            assertEquals(problem, p.problem().name());
            assertFalse(vm.canAddProperty().get());
        }
    }

    @Test
    void addWithABlankNameSaysTheNameIsRequired() {
        vm.add();
        assertEquals("name", vm.newNameProblemProperty().get().field());
        assertEquals("REQUIRED", vm.newNameProblemProperty().get().problem().name());
    }

    @Test
    void addRegistersARemoteEngineAndSelectsIt() {
        vm.newNameProperty().set(" paris ");
        vm.add();

        assertTrue(s.engineRegistry().find("paris").orElseThrow().remote());
        assertEquals("paris", vm.selectedNameProperty().get());
        assertEquals("paris", vm.selectedProperty().get().name());
        assertEquals(EnginesViewModel.Notice.ADDED, vm.noticeProperty().get());
        assertEquals("", vm.newNameProperty().get());
    }

    @Test
    void choosingASpecificGatewayIsSavedAtOnce() {
        vm.select("lyon");
        vm.useSpecificGateway(true);

        assertEquals(EngineInfo.SPECIFIC, s.engineRegistry().find("lyon").orElseThrow().gatewayMode());
        assertTrue(vm.specificGatewayProperty().get());
        assertTrue(row("lyon").specificGateway());
        assertEquals(EnginesViewModel.Notice.GATEWAY_SAVED, vm.noticeProperty().get());

        vm.useSpecificGateway(false);
        assertEquals(EngineInfo.PORTAL, s.engineRegistry().find("lyon").orElseThrow().gatewayMode());
    }

    @Test
    void aStoreThatDoesNotAnswerKeepsTheRowsAndSaysTheyMayBeOld() {
        int shown = vm.rows().size();
        s.close();

        vm.refresh();

        assertTrue(vm.unreadableProperty().get());
        assertEquals(shown, vm.rows().size());
    }
}
