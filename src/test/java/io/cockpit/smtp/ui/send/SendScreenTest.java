package io.cockpit.smtp.ui.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.ConsoleFixture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Envoi manuel in the real console: a message sent from the screen is delivered by the console's engine. */
class SendScreenTest extends ConsoleFixture {
    GreenMail smtp;

    @AfterEach
    void stop() throws Exception {
        closeConsole();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aManualMessageIsSeenGoingFromQueuedToSent() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (CoreServices s = TestStore.open(dir)) {
            s.gateways().save(s.gateways().loadPortal().toBuilder().status(GatewayStatus.ACTIVE)
                    .server("127.0.0.1").port(smtp.getSmtp().getPort()).security(Security.NONE)
                    .from("itsm@example.com").build());
        }
        openScreen("send");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#sendButton").tryQuery().isPresent());

        ComboBox<Flow> flow = lookup("#flowBox").query();
        interact(() -> flow.getSelectionModel().select(Flow.FEEDBACK));
        TextField to = lookup("#toField").query();
        clickOn(to).write("jeanne@example.org");
        interact(((Button) lookup("#sendButton").query())::fire);

        ListView<SendViewModel.Sent> sent = lookup("#sentList").query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !sent.getItems().isEmpty());
        assertEquals(Flow.FEEDBACK, sent.getItems().get(0).flow());
        // the console runs the local engine: the row follows the message to "sent"
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> sent.getItems().get(0).status() == io.cockpit.smtp.core.outbox.OutboxStatus.SENT);
        assertTrue(lookup(".sent-ok").tryQuery().isPresent(), "the row is shown as sent");
        assertEquals(1, smtp.getReceivedMessages().length);
    }
}
