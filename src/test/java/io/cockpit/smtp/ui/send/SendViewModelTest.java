package io.cockpit.smtp.ui.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.common.FxEvents;
import io.cockpit.smtp.ui.common.InlineRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envoi manuel without the toolkit: a real store and outbox, a real sender, a real in-process SMTP server. */
class SendViewModelTest {
    @TempDir
    Path dir;
    CoreServices services;
    SendViewModel vm;

    @BeforeEach
    void open() {
        services = TestStore.open(dir);
        vm = new SendViewModel(services.outbox(), new InlineRunner(), FxEvents.inline());
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aManualMessageIsQueuedThenSeenSent() throws Exception {
        GreenMail gm = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        gm.start();
        try {
            services.gateways().save(services.gateways().loadPortal().toBuilder().status(GatewayStatus.ACTIVE)
                    .server("127.0.0.1").port(gm.getSmtp().getPort()).security(Security.NONE)
                    .from("itsm@example.com").build());
            vm.flowProperty().set(Flow.USER_ACCESS);
            vm.toProperty().set("jeanne@example.org, paul@example.org");
            vm.langProperty().set("fr");

            vm.send();
            assertEquals(1, vm.sent().size());
            assertEquals(OutboxStatus.QUEUED, vm.sent().get(0).status());
            assertEquals(2, vm.sent().get(0).to().size());

            Outboxes.drain(services);

            assertEquals(OutboxStatus.SENT, vm.sent().get(0).status(), vm.sent().toString());
            assertEquals(2, gm.getReceivedMessages().length);
        } finally {
            gm.stop();
        }
    }

    @Test
    void problemsAreShownOnTheirFieldsAndNothingIsQueued() {
        vm.toProperty().set("not an address");
        vm.langProperty().set("f r");

        vm.send();

        assertEquals(Problem.ADDRESS_INVALID, vm.problemProperty("to").get().problem());
        assertEquals(Problem.LANGUAGE_INVALID, vm.problemProperty("lang").get().problem());
        assertTrue(vm.sent().isEmpty());
        assertTrue(services.outbox().list(null, null, 10).isEmpty());
    }
}
