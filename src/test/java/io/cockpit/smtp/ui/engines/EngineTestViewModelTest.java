package io.cockpit.smtp.ui.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.engine.EngineInfo;
import io.cockpit.smtp.core.engine.EngineRunner;
import io.cockpit.smtp.core.engine.diagnosis.RemoteDiagnosisResult;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.common.FxEvents;
import io.cockpit.smtp.ui.common.InlineRunner;
import io.cockpit.smtp.ui.engines.EngineTestViewModel.State;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Tester depuis le moteur" without the FX toolkit: a real engine on a real H2 file, a scripted SMTP server. */
class EngineTestViewModelTest {
    @TempDir Path dir;
    CoreServices s;
    ScriptedSmtpServer relay;
    EngineRunner lyon;
    EngineTestViewModel vm;

    @BeforeEach
    void open() throws Exception {
        s = TestStore.open(dir);
        relay = new ScriptedSmtpServer();
        s.engineRegistry().add("lyon", true);
        s.engineRegistry().setGatewayMode("lyon", EngineInfo.SPECIFIC);
        saveLyonGateway(relay.port(), 2);
        lyon = s.engineRunner("lyon");
        assertTrue(lyon.start().isEmpty());
        vm = new EngineTestViewModel(s.remoteDiagnosis(), new InlineRunner(), FxEvents.inline(), "lyon",
                new SimpleBooleanProperty(true));
    }

    @AfterEach
    void close() throws Exception {
        lyon.stop(Duration.ofSeconds(5));
        s.close();
        relay.close();
    }

    private void saveLyonGateway(int port, int readTimeout) throws Exception {
        s.gateways().save(GatewayConfig.defaults("lyon").toBuilder().engine("lyon").status(GatewayStatus.ACTIVE)
                .server("127.0.0.1").port(port).from("lyon@example.com").connectTimeoutSeconds(2)
                .readTimeoutSeconds(readTimeout).build());
    }

    @Test
    void aCheckShowsTheEnginesStepsHostAndTranscript() {
        vm.check();

        assertEquals(State.PASSED, vm.stateProperty().get());
        assertNotNull(vm.hostProperty().get());
        assertTrue(vm.steps().stream().anyMatch(r -> r.step() == Step.GREETING && r.result().ok()), vm.steps().toString());
        assertTrue(vm.steps().stream().noneMatch(r -> r.running()));
        assertTrue(vm.transcriptProperty().get().contains("S: 220 scripted.test ESMTP"), vm.transcriptProperty().get());
        assertEquals(List.of(), relay.accepted(), "a check sends nothing");
    }

    @Test
    void aTestEmailIsSentByTheEngine() {
        vm.recipientProperty().set("noc@example.org");
        vm.sendTest();

        assertEquals(State.PASSED, vm.stateProperty().get());
        assertNotNull(vm.resultProperty().get().report().messageId());
        assertEquals(1, relay.accepted().size());
    }

    @Test
    void aBadRecipientIsRefusedBeforeAnythingIsAsked() {
        vm.recipientProperty().set("pas une adresse");
        vm.sendTest();

        assertEquals("to", vm.recipientProblemProperty().get().field());
        assertEquals(State.IDLE, vm.stateProperty().get());
        assertEquals(0, relay.connections());
    }

    @Test
    void aGatewayThatCannotBeTriedNamesItsField() throws Exception {
        s.gateways().save(s.gateways().load("lyon").toBuilder().status(GatewayStatus.INACTIVE).server(null).build());

        vm.check();

        assertEquals(State.INVALID, vm.stateProperty().get());
        assertEquals("server", vm.invalidProperty().get().get(0).field());
        assertEquals(0, relay.connections());
    }

    @Test
    void cancelStopsTheEnginesRun() throws Exception {
        relay.close();
        relay = new ScriptedSmtpServer().silent();
        s.gateways().save(s.gateways().load("lyon").toBuilder().port(relay.port()).readTimeoutSeconds(60).build());
        AtomicBoolean done = new AtomicBoolean();
        Thread asker = new Thread(() -> {
            vm.check();
            done.set(true);
        });
        asker.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (vm.steps().stream().noneMatch(r -> r.step() == Step.CONNECT && !r.running()) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(vm.runningProperty().get());
        assertEquals(State.RUNNING, vm.stateProperty().get());

        vm.cancel();
        asker.join(TimeUnit.SECONDS.toMillis(20));

        assertTrue(done.get(), "not the 60 s read timeout");
        assertEquals(State.CANCELLED, vm.stateProperty().get());
        assertFalse(vm.runningProperty().get());
        RemoteDiagnosisResult.Outcome outcome = vm.resultProperty().get().outcome();
        // The engine stopped and said so, or the requester stopped waiting for it: both are a cancelled test.
        assertTrue(outcome == RemoteDiagnosisResult.Outcome.CANCELLED || outcome == RemoteDiagnosisResult.Outcome.DONE,
                outcome.toString());
    }
}
