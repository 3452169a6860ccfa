package io.cockpit.smtp.ui.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.ConsoleFixture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The Format des emails screen as a user drives it: real FXML, real console wiring, a real H2 file. */
class FormatScreenTest extends ConsoleFixture {
    private void openFormatScreen() throws Exception {
        openScreen("format");
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#editor-fr").tryQuery().isPresent()
                    && !lookup("#editor-fr").query().isDisabled() && !text("#previewSubject-fr").isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("format screen not ready: screen=" + app.window().controller().currentScreenId() + " editor="
                    + lookup("#editor-fr").tryQuery().map(n -> "disabled=" + n.isDisabled()).orElse("none")
                    + " subject=" + lookup("#previewSubject-fr").tryQuery().map(n -> ((Label) n).getText()).orElse("none"));
            throw e;
        }
    }

    private String text(String id) {
        return ((Label) node(id)).getText();
    }

    private void typeInEditor(String lang, String text) {
        CodeArea editor = node("#editor-" + lang);
        interact(() -> {
            editor.requestFocus();
            editor.selectAll();
        });
        type(KeyCode.BACK_SPACE);
        write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    @Test
    void typingInTheEditorChangesThePreview() throws Exception {
        openFormatScreen();
        assertEquals("Rapport Incidents ouverts du 2 novembre 2026 au 8 novembre 2026", text("#previewSubject-fr"));

        typeInEditor("fr", "Rapport ${REPORT_NAME} (${REPORT_TYPE})");

        waitFor(() -> text("#previewSubject-fr").equals("Rapport Incidents ouverts (Hebdomadaire)"));
        CodeArea editor = node("#editor-fr");
        assertEquals("Rapport ${REPORT_NAME} (${REPORT_TYPE})", editor.getText());
        assertTrue(editor.getStyleOfChar(10).contains(HighlightSpans.VARIABLE), editor.getStyleOfChar(10).toString());
        assertTrue(((TextArea) node("#previewBody-fr")).getText().startsWith("Bonjour Camille Martin,"));
        assertFalse(node("#saveButton").isDisabled());
    }

    @Test
    void anUnknownVariableIsMarkedAndSaveIsRefused() throws Exception {
        openFormatScreen();

        typeInEditor("fr", "Rapport ${REPORT_NAM}");

        CodeArea editor = node("#editor-fr");
        waitFor(() -> editor.getStyleOfChar(12).contains(HighlightSpans.UNKNOWN));
        assertTrue(node("#saveButton").isDisabled());
        assertTrue(lookup("#problems-fr").query().isVisible());
        assertTrue(lookup("Colonne 9 : variable inconnue ${REPORT_NAM} ; l'enregistrement est refusé.").tryQuery().isPresent());

        typeInEditor("fr", "Rapport ${REPORT_NAME}");
        waitFor(() -> !editor.getStyleOfChar(12).contains(HighlightSpans.UNKNOWN));
        assertFalse(node("#saveButton").isDisabled());
    }

    @Test
    void aTabWithoutTemplatePreviewsItsFallbackAndTheCliAgreesAfterSaving() throws Exception {
        openFormatScreen();
        typeInEditor("fr", "Rapport ${REPORT_NAME} du ${PERIOD_START}");

        clickOn("#tab-en");

        waitFor(() -> lookup("#fallbackLabel-en").query().isVisible());
        assertTrue(text("#fallbackLabel-en").contains("fr – français"), text("#fallbackLabel-en"));
        waitFor(() -> text("#previewSubject-en").equals("Rapport Open incidents du November 2, 2026"));
        String shown = text("#previewSubject-en");

        clickOn("#saveButton");
        waitFor(() -> node("#saveButton").isDisabled() && "Format des emails enregistré.".equals(text("#noticeLabel")));
        closeConsole();

        // "Save, restart, and template preview --lang en prints the subject the screen showed."
        io.cockpit.smtp.cli.CliRun cli = io.cockpit.smtp.cli.CliRun.run(dir, null, "template", "preview", "--lang", "en");
        assertEquals(0, cli.code(), cli.err());
        assertEquals(shown, cli.out().strip());
        try (CoreServices services = TestStore.open(dir)) {
            assertEquals(shown, services.formats().reportSubject(services.formats().load(), "en",
                    services.formats().sampleValues(services.formats().load(), "en")));
        }
    }

    @Test
    void typingDollarBraceOffersTheVariablesAndEnterCompletes() throws Exception {
        openFormatScreen();

        typeInEditor("fr", "Rapport ${PER");
        waitFor(() -> lookup(".completion-list").tryQuery().map(Node::isVisible).orElse(false));
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);

        CodeArea editor = node("#editor-fr");
        waitFor(() -> editor.getText().equals("Rapport ${PERIOD_END}"));
        waitFor(() -> text("#previewSubject-fr").equals("Rapport 8 novembre 2026"));
    }

    @Test
    void clickingAVariableInsertsItAtTheCaret() throws Exception {
        openFormatScreen();
        typeInEditor("fr", "Rapport  !");
        CodeArea editor = node("#editor-fr");
        interact(() -> editor.moveTo(8));

        clickOn(lookup("#variables-fr .list-cell").match(n -> ((javafx.scene.control.ListCell<?>) n).getText() != null
                && ((javafx.scene.control.ListCell<?>) n).getText().startsWith("COMPANY_NAME")).<Node>query());

        waitFor(() -> editor.getText().equals("Rapport ${COMPANY_NAME} !"));
        waitFor(() -> text("#previewSubject-fr").equals("Rapport Exemple SA !"));
    }

    @Test
    void switchingTheConsoleLanguageKeepsTheEditsAndThePreview() throws Exception {
        openFormatScreen();
        typeInEditor("fr", "Rapport ${REPORT_NAME}");
        waitFor(() -> text("#previewSubject-fr").equals("Rapport Incidents ouverts"));

        clickOn("#english");

        waitFor(() -> lookup("Report emails").tryQuery().isPresent());
        assertEquals("Rapport ${REPORT_NAME}", ((CodeArea) node("#editor-fr")).getText());
        assertEquals("Rapport Incidents ouverts", text("#previewSubject-fr"));
        assertFalse(node("#saveButton").isDisabled(), "the unsaved edit is still there to save");
    }

    @Test
    void aSaveOverSomeoneElsesChangeSaysSoAndReloadBringsTheirs() throws Exception {
        openFormatScreen();
        try (CoreServices other = TestStore.open(dir)) {
            other.formats().save(other.formats().load().withTemplate("en", "Other ${REPORT_NAME}"));
        }
        typeInEditor("fr", "Rapport ${REPORT_NAME}");
        waitFor(() -> !node("#saveButton").isDisabled());

        clickOn("#saveButton");

        waitFor(() -> node("#reloadButton").isVisible());
        assertTrue(text("#noticeLabel").startsWith("Quelqu'un d'autre a modifié le format des emails"), text("#noticeLabel"));
        assertEquals("Rapport ${REPORT_NAME}", ((CodeArea) node("#editor-fr")).getText(), "the user's edit stays on screen");

        clickOn("#reloadButton");

        waitFor(() -> "Other ${REPORT_NAME}".equals(((CodeArea) node("#editor-en")).getText()));
        assertFalse(node("#reloadButton").isVisible());
        assertTrue(node("#saveButton").isDisabled(), "nothing to save after reloading");
    }
}
