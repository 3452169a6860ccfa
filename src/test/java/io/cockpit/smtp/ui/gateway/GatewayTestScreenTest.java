package io.cockpit.smtp.ui.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.mail.diagnosis.TestSmtp;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.ConsoleFixture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Envoyer un email de test from the Passerelle SMTP screen, against an in-process SMTP server. */
class GatewayTestScreenTest extends ConsoleFixture {

    @Test
    void aTestEmailShowsItsStepsResultAndTranscript() throws Exception {
        try (var server = TestSmtp.subetha(0, null, false, null, null)) {
            try (CoreServices services = TestStore.open(dir)) {
                services.gateways().save(services.gateways().loadPortal().toBuilder()
                        .server("127.0.0.1").port(server.port()).security(Security.NONE)
                        .from("itsm@example.com").displayName("Service desk").build());
            }
            openGatewayScreen();
            TextField recipient = node("#recipientField");
            interact(() -> {
                recipient.requestFocus();
                recipient.setText("");
            });
            clickOn(recipient).write("admin@example.org");
            Button send = node("#sendButton");
            interact(send::fire);

            Label result = node("#resultLabel");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> result.isVisible() && !result.getText().isEmpty());
            assertTrue(result.getText().startsWith("Le serveur a accepté l'email de test"), result.getText());
            ListView<?> steps = node("#stepList");
            assertEquals(6, steps.getItems().size(), steps.getItems().toString());
            TextArea transcript = node("#transcriptArea");
            assertTrue(transcript.isVisible());
            assertTrue(transcript.getText().contains("C: MAIL FROM:<itsm@example.com>"), transcript.getText());
            assertTrue(transcript.getText().contains("S: 250"), transcript.getText());
            assertFalse(node("#cancelButton").isVisible(), "nothing to cancel once done");
            assertEquals(1, server.received.size());
        }
    }
}
