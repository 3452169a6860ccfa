package io.cockpit.smtp.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.common.InlineRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Historique without the toolkit: filters read from the store, and a poll that notices another process's save. */
class HistoryViewModelTest {
    @TempDir Path dir;
    CoreServices s;
    HistoryViewModel vm;

    @BeforeEach
    void open() throws Exception {
        s = TestStore.open(dir);
        s.gateways().save(s.gateways().loadPortal().toBuilder().from("first@example.com").build());
        s.formats().save(s.formats().load().withUrls("https://support.example.com", "https://ops.example.com"));
        vm = new HistoryViewModel(s.history(), new InlineRunner(), ZoneOffset.UTC);
        vm.refresh();
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void anAreaKeepsOnlyItsChangesAndAPersonIsOneOfThoseWhoSaved() {
        vm.areaProperty().set("format");
        assertTrue(!vm.rows().isEmpty() && vm.rows().stream().allMatch(e -> e.section().equals("format")));
        assertEquals(java.util.List.of(System.getProperty("user.name")), vm.people());
        vm.personProperty().set("nobody");
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void daysBeforeTheChangesShowNothing() {
        vm.untilDayProperty().set(LocalDate.of(2020, 1, 1));
        assertTrue(vm.rows().isEmpty());
        vm.untilDayProperty().set(null);
        assertTrue(!vm.rows().isEmpty());
    }

    @Test
    void aSaveElsewhereIsShownAtTheNextPoll() throws Exception {
        int before = vm.rows().size();
        try (CoreServices other = TestStore.open(dir)) {
            other.gateways().save(other.gateways().loadPortal().toBuilder().from("second@example.com").build());
        }
        vm.poll();
        assertEquals(before + 1, vm.rows().size());
        assertEquals("second@example.com", vm.rows().get(0).newValue());
        assertEquals("first@example.com", vm.rows().get(0).oldValue());
    }
}
