package io.cockpit.smtp.core.engine.diagnosis;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.engine.EngineInfo;
import io.cockpit.smtp.core.engine.EngineRunner;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.mail.diagnosis.Cancellation;
import io.cockpit.smtp.core.mail.diagnosis.Failure;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.core.mail.diagnosis.StepResult;
import io.cockpit.smtp.core.validation.ValidationException;
import io.cockpit.smtp.testing.EngineChild;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Tester depuis le moteur": the console asks an engine through the store and follows its steps as they come. */
class RemoteDiagnosisTest {
    @TempDir Path dir;
    CoreServices s;
    ScriptedSmtpServer portalServer;
    ScriptedSmtpServer lyonServer;

    @BeforeEach
    void open() throws Exception {
        s = TestStore.open(dir);
        portalServer = new ScriptedSmtpServer();
        lyonServer = new ScriptedSmtpServer();
        TestStore.plainGateway(s, portalServer.port(), GatewayStatus.ACTIVE);
        s.engineRegistry().add("lyon", true);
        s.engineRegistry().setGatewayMode("lyon", EngineInfo.SPECIFIC);
        s.gateways().save(GatewayConfig.defaults("lyon").toBuilder().engine("lyon").status(GatewayStatus.ACTIVE)
                .server("127.0.0.1").port(lyonServer.port()).from("lyon@example.com").connectTimeoutSeconds(2)
                .readTimeoutSeconds(2).build());
    }

    @AfterEach
    void close() throws Exception {
        s.close();
        portalServer.close();
        lyonServer.close();
    }

    /** Records what the engine wrote, in the order the requester saw it. */
    static final class Seen implements RemoteDiagnosisListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile String host;

        @Override
        public void taken(String h) {
            host = h;
            events.add("taken");
        }

        @Override
        public void stepStarted(Step step) {
            events.add("start " + step.id());
        }

        @Override
        public void stepFinished(StepResult result) {
            events.add("step " + result.step().id() + " " + result.ok());
        }

        @Override
        public void transcriptLine(String line) {
            events.add("line " + line);
        }
    }

    @Test
    void theEngineChecksItsOwnGatewayAndTheRequesterSeesEachStep() throws Exception {
        EngineRunner lyon = s.engineRunner("lyon");
        assertTrue(lyon.start().isEmpty());
        try {
            Seen seen = new Seen();
            RemoteDiagnosisResult r = s.remoteDiagnosis().run("lyon", null, seen, new Cancellation());
            assertEquals(RemoteDiagnosisResult.Outcome.DONE, r.outcome());
            assertTrue(r.ok(), String.valueOf(r.report()));
            assertNotNull(seen.host);
            assertEquals(seen.host, r.host());
            assertEquals("taken", seen.events.get(0));
            assertTrue(seen.events.contains("step connect true"), seen.events.toString());
            assertTrue(seen.events.contains("line S: 220 scripted.test ESMTP"), seen.events.toString());
            assertTrue(r.report().steps().stream().anyMatch(st -> st.step() == Step.GREETING && st.ok()));
            assertTrue(r.report().transcript().contains("S: 220 scripted.test ESMTP"));
            assertTrue(lyonServer.connections() > 0, "the engine's own gateway");
            assertEquals(0, portalServer.connections(), "not the portal's");
        } finally {
            lyon.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aTestEmailGoesThroughTheEnginesGatewayAndTheReportKeepsItsCodes() throws Exception {
        EngineRunner lyon = s.engineRunner("lyon");
        assertTrue(lyon.start().isEmpty());
        try {
            lyonServer.rcpt(a -> a.startsWith("nobody") ? "550 5.1.1 no such user" : "250 2.1.5 ok");
            RemoteDiagnosisResult ok = s.remoteDiagnosis().run("lyon", "noc@example.org", RemoteDiagnosisListener.NONE,
                    new Cancellation());
            assertTrue(ok.ok(), String.valueOf(ok.report()));
            assertNotNull(ok.report().messageId());
            assertEquals(1, lyonServer.accepted().size());
            RemoteDiagnosisResult refused = s.remoteDiagnosis().run("lyon", "nobody@example.org",
                    RemoteDiagnosisListener.NONE, new Cancellation());
            assertEquals(RemoteDiagnosisResult.Outcome.DONE, refused.outcome());
            assertFalse(refused.ok());
            assertEquals(Step.RCPT_TO, refused.report().failedStep());
            assertEquals(Failure.RECIPIENT_REFUSED, refused.report().failure());
            assertEquals("550 5.1.1 no such user", refused.report().lastReply());
        } finally {
            lyon.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aGatewayThatCannotBeTriedIsRefusedNamingTheField() throws Exception {
        s.gateways().save(s.gateways().load("lyon").toBuilder().status(GatewayStatus.INACTIVE).server(null).build());
        EngineRunner lyon = s.engineRunner("lyon");
        assertTrue(lyon.start().isEmpty());
        try {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> s.remoteDiagnosis().run("lyon", null, RemoteDiagnosisListener.NONE, new Cancellation()));
            assertEquals("server", e.problems().get(0).field());
        } finally {
            lyon.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void anOfflineEngineIsReportedOfflineAfterThePickupTimeoutAndNeverRunsTheRequestLater() throws Exception {
        s.remoteDiagnosis().pickupTimeout(Duration.ofSeconds(2));
        long t0 = System.nanoTime();
        RemoteDiagnosisResult r = s.remoteDiagnosis().run("lyon", null, RemoteDiagnosisListener.NONE, new Cancellation());
        assertEquals(RemoteDiagnosisResult.Outcome.ENGINE_OFFLINE, r.outcome());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "bounded");
        EngineRunner lyon = s.engineRunner("lyon");
        assertTrue(lyon.start().isEmpty());
        try {
            Thread.sleep(1500);
            assertEquals(0, lyonServer.connections(), "the request given up is not run when the engine starts");
        } finally {
            lyon.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void cancelStopsTheEnginesRunAtOnce() throws Exception {
        lyonServer.close();
        lyonServer = new ScriptedSmtpServer().silent();
        s.gateways().save(s.gateways().load("lyon").toBuilder().port(lyonServer.port()).readTimeoutSeconds(60).build());
        EngineRunner lyon = s.engineRunner("lyon");
        assertTrue(lyon.start().isEmpty());
        try {
            Cancellation cancel = new Cancellation();
            Seen seen = new Seen();
            Thread canceller = new Thread(() -> {
                try {
                    while (!seen.events.contains("step connect true")) {
                        Thread.sleep(20);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                cancel.cancel();
            });
            canceller.start();
            long t0 = System.nanoTime();
            RemoteDiagnosisResult r = s.remoteDiagnosis().run("lyon", null, seen, cancel);
            assertEquals(RemoteDiagnosisResult.Outcome.CANCELLED, r.outcome());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "not the 60 s read timeout");
            assertNotNull(r.report(), "the engine stopped and reported what it had done");
            assertEquals(Failure.CANCELLED, r.report().failure());
        } finally {
            lyon.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void anEngineKilledWhileRunningIsReportedLost() throws Exception {
        lyonServer.close();
        lyonServer = new ScriptedSmtpServer().silent();
        s.gateways().save(s.gateways().load("lyon").toBuilder().port(lyonServer.port()).readTimeoutSeconds(60).build());
        Process child = EngineChild.start(StoreKind.H2, dir, "lyon", dir.resolve("engine.log"));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("started", out.readLine());
            Seen seen = new Seen();
            Thread killer = new Thread(() -> {
                try {
                    while (!seen.events.contains("step connect true")) {
                        Thread.sleep(20);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                child.destroyForcibly();
            });
            killer.start();
            RemoteDiagnosisResult r = s.remoteDiagnosis().run("lyon", null, seen, new Cancellation());
            assertEquals(RemoteDiagnosisResult.Outcome.ENGINE_LOST, r.outcome());
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
