package io.cockpit.smtp.ui.main;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.ui.ConsoleFixture;
import java.nio.file.Files;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.TestStore;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The console's frame: navigation from the registry, status bar, icon, and the store that cannot be opened. */
class MainWindowTest extends ConsoleFixture {

    @Test
    void theWindowOpensOnTheGatewayScreenWithItsMenusStatusAndIcon() throws Exception {
        startConsole(() -> fail("the store should open"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> lookup("#gatewayStatus").tryQuery().map(n -> ((Label) n).getText().equals("Passerelle : inactif")).orElse(false));

        assertEquals("Cockpit — Passerelle SMTP", stage.getTitle());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getIcons().size() == 8);
        assertEquals(java.util.List.of(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0, 512.0),
                stage.getIcons().stream().map(javafx.scene.image.Image::getWidth).toList(), "every size of the icon");
        TreeView<?> nav = lookup("#navigation").query();
        TreeItem<?> selected = nav.getSelectionModel().getSelectedItem();
        assertNotNull(selected);
        assertEquals("Passerelle SMTP", nav.lookupAll(".tree-cell").stream()
                .map(n -> ((javafx.scene.control.TreeCell<?>) n))
                .filter(c -> c.getTreeItem() == selected).findFirst().orElseThrow().getText());
        assertTrue(lookup("Administration").tryQuery().isPresent());
        assertTrue(lookup("Connectivité").tryQuery().isPresent());
        String db = ((Label) lookup("#databaseLocation").query()).getText();
        assertEquals("Base : " + dir.resolve("cockpit.mv.db"), db);
    }

    @Test
    void theWindowShowsWithItsTitleAndProgressBeforeTheStoreIsOpenThenGivesWayToTheScreen() throws Exception {
        CompletableFuture<CoreServices> opening = new CompletableFuture<>();
        startConsole(() -> fail("the store should open"), opening);

        assertTrue(stage.isShowing(), "the window is up while the store is still opening");
        assertEquals("Cockpit — Passerelle SMTP", stage.getTitle());
        assertTrue(lookup("#openingProgress").tryQuery().isPresent(), "a progress indicator while the store opens");
        assertTrue(lookup("Ouverture de la base de configuration…").tryQuery().isPresent());
        assertTrue(lookup("#navigation").tryQuery().isEmpty(), "no screen before the store is open");
        double width = stage.getWidth();

        opening.complete(TestStore.open(dir));
        waitForGatewayForm();
        assertTrue(lookup("#openingProgress").tryQuery().isEmpty(), "the progress indicator gave way to the screen");
        assertEquals(width, stage.getWidth(), "the same window, not a new one");
    }

    @Test
    void theStatusBarFollowsASavedGatewayStatus() throws Exception {
        startConsole(() -> fail("the store should open"));
        waitForGatewayForm();

        interact(() -> {
            ((javafx.scene.control.ComboBox<io.cockpit.smtp.core.gateway.GatewayStatus>) lookup("#statusBox").query())
                    .setValue(io.cockpit.smtp.core.gateway.GatewayStatus.ACTIVE);
            ((javafx.scene.control.TextField) lookup("#serverField").query()).setText("smtp.exemple.fr");
            ((javafx.scene.control.TextField) lookup("#fromField").query()).setText("support@exemple.fr");
        });
        clickOn("#saveButton");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> ((Label) lookup("#gatewayStatus").query()).getText().equals("Passerelle : actif"));
    }

    @Test
    void aDamagedStoreIsReportedInOneSentenceWithItsPath() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        Files.write(dir.resolve("cockpit.mv.db"), junk);
        AtomicBoolean exited = new AtomicBoolean();

        startConsole(() -> exited.set(true));
        AtomicReference<DialogPane> shown = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
                    .filter(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                    .findFirst().ifPresent(shown::set);
            return shown.get() != null;
        });

        DialogPane pane = shown.get();
        assertTrue(stage.isShowing(), "the window was up before the store failed to open");
        assertEquals("La base de configuration " + dir.resolve("cockpit.mv.db")
                + " est endommagée et illisible : restaurez-la depuis une sauvegarde.", pane.getContentText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.lookupButton(ButtonType.OK) != null
                && pane.lookupButton(ButtonType.OK).getScene() != null);
        clickOn(pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, exited::get);
        assertNull(app.window(), "no main window over a store that could not be opened");
    }

    @Test
    void leavingAScreenWithUnsavedChangesAsksFirst() throws Exception {
        startConsole(() -> fail("the store should open"));
        waitForGatewayForm();
        javafx.scene.control.TextField server = lookup("#serverField").query();
        interact(() -> server.setText("smtp.exemple.fr"));

        clickOn("File d'envoi");
        clickOn(dialogButton("Rester sur l'écran"));

        assertTrue(lookup("#serverField").tryQuery().isPresent(), "still on the gateway screen");
        assertEquals("smtp.exemple.fr", server.getText());

        clickOn("File d'envoi");
        clickOn(dialogButton("Abandonner les modifications"));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#serverField").tryQuery().isEmpty());
        assertTrue(lookup("#refreshButton").tryQuery().isPresent(), "the outbox screen is shown");
        clickOn("Passerelle SMTP");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#serverField").tryQuery().isPresent());
        assertEquals("", ((javafx.scene.control.TextField) lookup("#serverField").query()).getText(), "the edit was dropped");
    }

    /** A button of the dialog on screen, once it is laid out. */
    private javafx.scene.Node dialogButton(String text) throws Exception {
        AtomicReference<javafx.scene.control.Button> found = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                    .filter(b -> text.equals(b.getText()) && b.getScene() != null && b.getScene().getWindow().isShowing())
                    .findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }
}
