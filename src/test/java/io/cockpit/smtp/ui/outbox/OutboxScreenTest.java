package io.cockpit.smtp.ui.outbox;

import static org.junit.jupiter.api.Assertions.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.ConsoleFixture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The File d'envoi screen in the real console: the table follows a message from queued to sent. */
class OutboxScreenTest extends ConsoleFixture {
    GreenMail smtp;

    @Override
    protected DbLocation location() {
        return TestStore.location(dir);
    }

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() throws Exception {
        closeConsole();
        smtp.stop();
    }

    private String statusOfFirstRow() {
        TableView<OutboxRow> table = lookup("#table").query();
        if (table.getItems().isEmpty()) {
            return "";
        }
        return table.getColumns().get(0).getCellData(0).toString();
    }

    @Test
    void tableShowsAMessageGoingFromQueuedToSent() throws Exception {
        try (CoreServices s = TestStore.open(dir)) {
            TestStore.plainGateway(s, smtp.getSmtp().getPort(), GatewayStatus.INACTIVE);
            s.outbox().enqueue(Outboxes.message("ticket-notification", "jdoe@example.org"));
        }
        openScreen("outbox");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "En file".equals(statusOfFirstRow()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#outboxGatewayInactive").tryQuery()
                .map(n -> n.isVisible()).orElse(false));
        Label counts = lookup("#outboxCounts").query();
        assertTrue(counts.getText().contains("1 en attente"), counts.getText());

        // The administrator activates the gateway (here through the service, as another window would).
        try (CoreServices s = TestStore.open(dir)) {
            GatewayConfig g = s.gateways().loadPortal();
            s.gateways().save(g.toBuilder().status(GatewayStatus.ACTIVE).build());
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "Envoyé".equals(statusOfFirstRow()));
        assertTrue(smtp.waitForIncomingEmail(5000, 1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#outboxGatewayInactive").query().isVisible());
    }
}
