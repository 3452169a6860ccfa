package io.cockpit.smtp.ui.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.testing.BulkOutbox;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.common.FxEvents;
import io.cockpit.smtp.ui.common.InlineRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File d'envoi's search, without the toolkit: the boxes and days become a search in the store, paged on demand. */
class OutboxSearchViewModelTest {
    /** 1,200 messages, one a second from 1 June 00:00 UTC: all on 1 June. */
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir Path dir;
    CoreServices s;
    OutboxViewModel vm;

    @BeforeEach
    void open() {
        s = TestStore.open(dir);
        BulkOutbox.fill(s.database(), 1_200, START);
        vm = new OutboxViewModel(s.outbox(), new InlineRunner(), FxEvents.inline(), ZoneOffset.UTC);
        vm.refresh();
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void theFirstPageThenTheNextOnDemand() {
        assertEquals(OutboxViewModel.LIMIT, vm.rows().size());
        assertTrue(vm.moreProperty().get());
        vm.loadMore();
        vm.loadMore();
        assertEquals(1_200, vm.rows().size());
        assertFalse(vm.moreProperty().get());
        assertEquals(BulkOutbox.FIRST_ID, vm.rows().get(1_199).id());
        vm.refresh();
        assertEquals(1_200, vm.rows().size(), "a refresh keeps the pages loaded");
    }

    @Test
    void theTextBoxesApplyWhenAskedTheDaysAtOnce() {
        vm.toSearchProperty().set("user42@example.com");
        assertEquals(OutboxViewModel.LIMIT, vm.rows().size(), "not before Search");
        vm.search();
        assertEquals(1, vm.rows().size());
        assertEquals(BulkOutbox.FIRST_ID + 42, vm.rows().get(0).id());
        vm.clearSearch();
        vm.flowFilterProperty().set(Flow.PASSWORD_RESET);
        vm.sinceDayProperty().set(LocalDate.of(2026, 6, 2));
        assertTrue(vm.rows().isEmpty(), "nothing from 2 June on");
        vm.sinceDayProperty().set(LocalDate.of(2026, 6, 1));
        vm.untilDayProperty().set(LocalDate.of(2026, 6, 1));
        assertEquals(400, vm.rows().size(), "every third message is a password reset");
        assertFalse(vm.moreProperty().get());
        assertFalse(vm.searchingProperty().get());
    }
}
