package io.cockpit.smtp.ui.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.BulkOutbox;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.ConsoleFixture;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** File d'envoi answers "did this user get their mail?" among 100,000 messages, searched in the store. */
class OutboxSearchScreenTest extends ConsoleFixture {
    private static final int COUNT = 100_000;

    @Test
    void oneRecipientIsFoundAmongAHundredThousandMessages() throws Exception {
        try (CoreServices s = TestStore.open(dir)) {
            BulkOutbox.fill(s.database(), COUNT, Instant.parse("2026-06-01T00:00:00Z"));
        }
        openScreen("outbox");
        TableView<OutboxRow> table = node("#table");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == OutboxViewModel.LIMIT);
        assertTrue(((Node) node("#moreButton")).isVisible(), "more than one page: Afficher plus");
        assertEquals(BulkOutbox.FIRST_ID + COUNT - 1, table.getItems().get(0).id(), "newest first");

        clickOn((TextField) node("#toSearch")).write("User77777@Example.com").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertEquals(BulkOutbox.FIRST_ID + 77777, table.getItems().get(0).id());
        assertEquals("user77777@example.com", table.getColumns().get(2).getCellData(0));
        assertEquals("1 message(s)", ((Label) node("#shownLabel")).getText());
        assertFalse(((Node) node("#moreButton")).isVisible());

        interact(((Button) node("#clearSearchButton"))::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == OutboxViewModel.LIMIT);
        interact(((Button) node("#moreButton"))::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 2 * OutboxViewModel.LIMIT);
        assertEquals(BulkOutbox.FIRST_ID + COUNT - 2 * OutboxViewModel.LIMIT, table.getItems().get(999).id(),
                "the next page follows the first without gap");
    }
}
