package io.cockpit.smtp.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.access.RoleFixture;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.history.ChangeSource;
import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.ConsoleFixture;
import io.cockpit.smtp.ui.send.SendViewModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console as each role sees it: the role in the status bar, read-only forms without the buttons the role may not
 * use, and what the role may do still there (support previews templates; an operator sends from Envoi manuel).
 */
class RoleScreensTest extends ConsoleFixture {
    private RoleFixture people;

    private void openAs(String who) throws Exception {
        people = RoleFixture.create(StoreKind.H2, dir);
        try (CoreServices admin = people.openAs(people.administrator)) {
            TestStore.plainGateway(admin, 2525, GatewayStatus.ACTIVE);
        }
        String name = who.equals("support") ? people.support : people.operator;
        startConsole(Platform::exit, CompletableFuture.completedFuture(people.openAs(name, ChangeSource.SCREEN)));
        waitForGatewayForm();
    }

    @Test
    void aSupportUserSeesReadOnlyFormsAndCanStillPreviewATemplate() throws Exception {
        openAs("support");
        assertEquals("Rôle de sam : support", ((Label) node("#roleStatus")).getText());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "127.0.0.1".equals(((TextField) node("#serverField")).getText()));
        assertTrue(((Node) node("#serverField")).isDisabled(), "the gateway's fields are read-only");
        assertFalse(((Node) node("#saveButton")).isVisible(), "no Save on the gateway");
        assertTrue(((Pane) node("#testPanelHolder")).getChildren().isEmpty(), "support tests nothing through the gateway");

        interact(() -> app.window().controller().open("format"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#editor-fr").tryQuery()
                .map(n -> !n.isDisabled()).orElse(false) && !((Label) node("#previewSubject-fr")).getText().isEmpty());
        assertFalse(((Node) node("#saveButton")).isVisible(), "no Save on the email format");
        assertTrue(((Node) node("#userUrlField")).isDisabled(), "the format's settings are read-only");
        assertTrue(lookup(".sample-send").tryQuery().isEmpty(),
                "no sample email to send");
        CodeArea editor = node("#editor-fr");
        interact(() -> editor.replaceText("Essai ${REPORT_NAME}"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> ((Label) node("#previewSubject-fr")).getText().startsWith("Essai "));

        interact(() -> app.window().controller().open("send"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#toField").tryQuery().isPresent());
        assertFalse(((Node) node("#sendButton")).isVisible(), "support sends nothing");
        assertTrue(((Node) node("#toField")).isDisabled());

        interact(() -> app.window().controller().open("engines"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#addButton").tryQuery().isPresent());
        assertFalse(((Node) node("#addButton")).isVisible(), "support adds no engine");
    }

    @Test
    void anOperatorCanSendFromEnvoiManuelButNotSaveTheGateway() throws Exception {
        openAs("operator");
        assertEquals("Rôle de otto : opérateur", ((Label) node("#roleStatus")).getText());
        assertFalse(((Node) node("#saveButton")).isVisible(), "no Save on the gateway");
        assertFalse(((Node) node("#revertButton")).isVisible());
        assertTrue(((Node) node("#serverField")).isDisabled(), "the gateway's fields are read-only");
        assertFalse(((Pane) node("#testPanelHolder")).getChildren().isEmpty(), "an operator tests the saved gateway");

        interact(() -> app.window().controller().open("send"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#sendButton").tryQuery().isPresent());
        ComboBox<Flow> flow = node("#flowBox");
        interact(() -> flow.getSelectionModel().select(Flow.FEEDBACK));
        clickOn((TextField) node("#toField")).write("jeanne@example.org");
        interact(((Button) node("#sendButton"))::fire);
        ListView<SendViewModel.Sent> sent = node("#sentList");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !sent.getItems().isEmpty());
        assertEquals(OutboxStatus.QUEUED, sent.getItems().get(0).status(), "queued: an operator's console runs no engine");
        try (CoreServices admin = people.openAs(people.administrator)) {
            assertEquals("jeanne@example.org", admin.outbox().find(sent.getItems().get(0).id()).orElseThrow().to().get(0));
        }
    }
}
