package io.cockpit.smtp.ui.gateway;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.ConsoleFixture;
import io.cockpit.smtp.ui.common.FieldDecoration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The Passerelle SMTP screen as a user drives it: real FXML, real console wiring, a real H2 file. */
class GatewayScreenTest extends ConsoleFixture {

    /** Types into a field the way a user does (focus, select all, keys), whether or not it is scrolled into view. */
    private void type(String id, String text) {
        TextField field = node(id);
        interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        if (text.isEmpty()) {
            type(KeyCode.BACK_SPACE);
        } else {
            write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T> void choose(String id, T value) {
        ComboBox<T> box = node(id);
        interact(() -> box.getSelectionModel().select(value));
    }

    @Test
    void aBadPortIsDecoratedAndSaveIsDisabled() throws Exception {
        openGatewayScreen();
        type("#serverField", "smtp.exemple.fr");
        assertFalse(node("#saveButton").isDisabled(), "a valid change can be saved");

        type("#portField", "65536");

        TextField port = node("#portField");
        Label message = node("#portMessage");
        assertTrue(port.getPseudoClassStates().contains(FieldDecoration.INVALID));
        assertTrue(message.isVisible());
        assertEquals("Saisissez un nombre entier de 1 à 65535.", message.getText());
        assertTrue(node("#saveButton").isDisabled());

        type("#portField", "2525");
        assertFalse(port.getPseudoClassStates().contains(FieldDecoration.INVALID));
        assertFalse(message.isVisible());
        assertFalse(node("#saveButton").isDisabled());
    }

    @Test
    void aPasswordInClearTakesTheConfirmationBoxBeforeSaving() throws Exception {
        openGatewayScreen();
        type("#serverField", "smtp.exemple.fr");
        choose("#securityBox", Security.NONE);
        choose("#authBox", Authentication.PASSWORD);
        type("#usernameField", "relais");
        ComboBox<Security> security = node("#securityBox");
        assertEquals(Security.STARTTLS, security.getValue(), "choosing a password moved security to STARTTLS");
        javafx.scene.control.CheckBox confirm = node("#clearTextConfirm");
        assertFalse(confirm.isVisible());

        choose("#securityBox", Security.NONE);

        assertTrue(confirm.isVisible(), "keeping none is asked for");
        assertTrue(node("#saveButton").isDisabled());
        clickOn(confirm);
        assertFalse(node("#saveButton").isDisabled());
    }

    @Test
    void everyFieldSurvivesClosingAndReopeningTheWindow() throws Exception {
        openGatewayScreen();
        choose("#statusBox", GatewayStatus.ACTIVE);
        type("#serverField", "smtp.bücher.de");
        choose("#securityBox", Security.SSL);
        type("#portField", "4650");
        type("#heloField", "relais.exemple.fr");
        type("#connectTimeoutField", "15");
        type("#readTimeoutField", "40");
        type("#maxPerMinuteField", "300");
        choose("#authBox", Authentication.PASSWORD);
        type("#usernameField", "relais@exemple.fr");
        type("#passwordField", "mot-de-passe-ü");
        type("#fromField", "support@bücher.de");
        type("#replyToField", "helpdesk@exemple.fr");
        type("#displayNameField", "Équipe support");

        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ((Label) node("#noticeLabel")).getText().equals("Passerelle enregistrée."));
        closeConsole();

        openGatewayScreen();
        assertEquals(GatewayStatus.ACTIVE, this.<ComboBox<GatewayStatus>>node("#statusBox").getValue());
        assertEquals("local", this.<ComboBox<String>>node("#engineBox").getValue());
        assertEquals("smtp.bücher.de", ((TextField) node("#serverField")).getText());
        assertEquals(Security.SSL, this.<ComboBox<Security>>node("#securityBox").getValue());
        assertEquals("4650", ((TextField) node("#portField")).getText());
        assertEquals("relais.exemple.fr", ((TextField) node("#heloField")).getText());
        assertEquals("15", ((TextField) node("#connectTimeoutField")).getText());
        assertEquals("40", ((TextField) node("#readTimeoutField")).getText());
        assertEquals("300", ((TextField) node("#maxPerMinuteField")).getText());
        assertEquals(Authentication.PASSWORD, this.<ComboBox<Authentication>>node("#authBox").getValue());
        assertEquals("relais@exemple.fr", ((TextField) node("#usernameField")).getText());
        PasswordField password = node("#passwordField");
        assertEquals("", password.getText(), "the password is never shown back");
        assertTrue(password.getPromptText().startsWith("(mot de passe enregistré"));
        assertEquals("support@bücher.de", ((TextField) node("#fromField")).getText());
        assertEquals("helpdesk@exemple.fr", ((TextField) node("#replyToField")).getText());
        assertEquals("Équipe support", ((TextField) node("#displayNameField")).getText());
        assertTrue(node("#saveButton").isDisabled(), "nothing changed since loading");
        closeConsole();

        try (CoreServices services = TestStore.open(dir)) {
            GatewayConfig stored = services.gateways().loadPortal();
            assertArrayEquals("mot-de-passe-ü".toCharArray(), services.gateways().openPassword(stored));
        }
    }

    @Test
    void thePortFollowsTheSecurityMode() throws Exception {
        openGatewayScreen();
        assertEquals("25", ((TextField) node("#portField")).getText());

        choose("#securityBox", Security.STARTTLS);
        assertEquals("587", ((TextField) node("#portField")).getText());

        choose("#securityBox", Security.SSL);
        assertEquals("465", ((TextField) node("#portField")).getText());
    }

    @Test
    void switchingTheLanguageChangesTheLabelsAndKeepsTheEdits() throws Exception {
        openGatewayScreen();
        assertEquals("Cockpit — Passerelle SMTP", stage.getTitle());
        assertTrue(lookup("Connexion sécurisée").tryQuery().isPresent());
        type("#serverField", "smtp.exemple.fr");

        clickOn("#english");

        assertEquals("Cockpit — SMTP gateway", stage.getTitle());
        assertTrue(lookup("Secure connection").tryQuery().isPresent());
        assertFalse(lookup("Connexion sécurisée").tryQuery().isPresent());
        assertEquals("Save", ((Button) node("#saveButton")).getText());
        assertEquals("smtp.exemple.fr", ((TextField) node("#serverField")).getText(), "the edit survives the reload");
        assertFalse(node("#saveButton").isDisabled());

        clickOn("#french");
        assertEquals("Enregistrer", ((Button) node("#saveButton")).getText());
    }

    @Test
    void aSaveOverSomeoneElsesChangeSaysSoAndOverwritesNothing() throws Exception {
        openGatewayScreen();
        try (CoreServices other = TestStore.open(dir)) {
            other.gateways().save(other.gateways().loadPortal().toBuilder().server("smtp.autre.fr").build());
        }
        type("#serverField", "smtp.exemple.fr");

        clickOn("#saveButton");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> node("#reloadButton").isVisible());
        assertTrue(((Label) node("#noticeLabel")).getText().startsWith("Quelqu'un d'autre a modifié cette passerelle"));
        assertEquals("smtp.exemple.fr", ((TextField) node("#serverField")).getText(), "the user's edit stays on screen");

        clickOn("#reloadButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "smtp.autre.fr".equals(((TextField) node("#serverField")).getText()));
        assertFalse(node("#reloadButton").isVisible());
    }

    @Test
    void revertPutsBackTheStoredValues() throws Exception {
        openGatewayScreen();
        assertTrue(node("#revertButton").isDisabled(), "nothing to revert yet");
        type("#serverField", "smtp.exemple.fr");
        assertFalse(node("#revertButton").isDisabled());

        clickOn("#revertButton");

        assertEquals("", ((TextField) node("#serverField")).getText());
        assertTrue(node("#revertButton").isDisabled());
        assertTrue(node("#saveButton").isDisabled());
    }

    @Test
    void closingWithUnsavedChangesAsksFirst() throws Exception {
        openGatewayScreen();
        type("#serverField", "smtp.exemple.fr");

        javafx.application.Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        // The question is modal: it stays up until answered, the window behind it stays open.
        clickOn("Rester sur l'écran");

        assertTrue(stage.isShowing());
        assertEquals("smtp.exemple.fr", ((TextField) node("#serverField")).getText());
    }
}
