package io.cockpit.smtp.ui.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.gateway.TrustedCertificates;
import io.cockpit.smtp.core.mail.diagnosis.Failure;
import io.cockpit.smtp.core.mail.diagnosis.Hint;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.core.mail.diagnosis.TestCerts;
import io.cockpit.smtp.core.mail.diagnosis.TestSmtp;
import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.common.FxEvents;
import io.cockpit.smtp.ui.common.InlineRunner;
import io.cockpit.smtp.ui.gateway.GatewayTestViewModel.State;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;

/** The gateway test panel's logic without the toolkit: inline runner, real store, real in-process SMTP servers. */
class GatewayTestViewModelTest {
    @TempDir
    Path dir;
    CoreServices services;
    GatewayViewModel form;
    GatewayTestViewModel test;

    @BeforeEach
    void open() {
        services = TestStore.open(dir);
        form = new GatewayViewModel(services.gateways(), new InlineRunner(), GatewayConfig.PORTAL);
        form.form().load();
        test = new GatewayTestViewModel(services.diagnosis(), services.gateways(), new InlineRunner(), FxEvents.inline(),
                form, () -> services.outbox().list(null, Flow.TEST, 1).stream()
                .flatMap(m -> m.to().stream()).findFirst().orElse(null));
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void fill(int port, Security security) {
        form.serverProperty().set("127.0.0.1");
        form.securityProperty().set(security);
        form.portProperty().set(String.valueOf(port));
        form.fromProperty().set("itsm@example.com");
        form.readTimeoutProperty().set("5");
    }

    @Test
    void unsavedValuesWithATypedPasswordAreTestedAndTheEmailArrives() throws Exception {
        TestCerts.Cert cert = TestCerts.localhost(dir, "localhost");
        try (var server = TestSmtp.subetha(0, cert.serverContext(), true,
                new EasyAuthenticationHandlerFactory(TestSmtp.validator()), null)) {
            fill(server.port(), Security.STARTTLS);
            form.authProperty().set(Authentication.PASSWORD);
            form.usernameProperty().set(TestSmtp.USER);
            form.newPasswordProperty().set(TestSmtp.PASSWORD);
            form.trustCertificate(TrustedCertificates.of(cert.certificate()));
            test.recipientProperty().set("admin@example.org");

            test.sendTest();

            assertEquals(State.PASSED, test.stateProperty().get(), () -> test.steps() + "\n" + test.transcriptProperty().get());
            assertEquals(1, server.received.size());
            assertEquals(Step.DATA, test.steps().get(test.steps().size() - 1).step());
            assertTrue(test.steps().stream().noneMatch(GatewayTestViewModel.StepRow::running));
            assertTrue(test.transcriptProperty().get().contains("C: AUTH "));
            assertFalse(test.transcriptProperty().get().contains(TestSmtp.PASSWORD));
            assertTrue(form.form().dirtyProperty().get(), "nothing was saved");
            assertFalse(services.gateways().loadPortal().passwordSet(), "the typed password stays unsaved");
        }
    }

    @Test
    void untrustedCertificateCanBePinnedIntoTheFormAndThenPasses() throws Exception {
        TestCerts.Cert cert = TestCerts.localhost(dir, "localhost");
        try (var server = TestSmtp.subetha(0, cert.serverContext(), true, null, null)) {
            fill(server.port(), Security.STARTTLS);

            test.check();
            assertEquals(State.FAILED, test.stateProperty().get());
            assertEquals(Failure.CERT_UNTRUSTED, test.reportProperty().get().failure());
            assertTrue(test.hints().contains(Hint.CERT_UNTRUSTED));
            assertNotNull(test.untrustedProperty().get());
            assertEquals(TrustedCertificates.fingerprint(cert.certificate()), test.untrustedProperty().get().fingerprint());

            test.trustCertificate();
            assertTrue(test.certificatePinnedProperty().get());
            assertEquals(1, form.trustedCertificates().size());

            test.check();
            assertEquals(State.PASSED, test.stateProperty().get(), () -> test.steps().toString());
            assertNull(test.untrustedProperty().get());

            form.form().save();
            assertEquals(1, services.gateways().loadPortal().trustedCertificates().size(), "pinned with the save");
        }
    }

    @Test
    void aBadRecipientIsRefusedBeforeAnyConnection() {
        fill(2525, Security.NONE);
        test.recipientProperty().set("not an address");
        test.sendTest();
        assertEquals(Problem.ADDRESS_INVALID, test.recipientProblemProperty().get().problem());
        assertEquals(State.IDLE, test.stateProperty().get());
        assertTrue(test.steps().isEmpty());
    }

    @Test
    void theLastRecipientIsRemembered() throws Exception {
        try (var server = TestSmtp.subetha(0, null, false, null, null)) {
            fill(server.port(), Security.NONE);
            test.recipientProperty().set("first@example.org");
            test.sendTest();
            assertEquals(State.PASSED, test.stateProperty().get());
        }
        GatewayTestViewModel later = new GatewayTestViewModel(services.diagnosis(), services.gateways(),
                new InlineRunner(), FxEvents.inline(), form,
                () -> services.outbox().list(null, Flow.TEST, 1).stream().flatMap(m -> m.to().stream()).findFirst().orElse(null));
        later.recallRecipient();
        assertEquals("first@example.org", later.recipientProperty().get());
    }

    @Test
    void cancelStopsAnAttemptThatWouldWaitForTheReadTimeout() throws Exception {
        try (var silent = new TestSmtp.Silent();
             var runner = new io.cockpit.smtp.ui.common.ExecutorRunner(1, Runnable::run)) {
            GatewayTestViewModel background = new GatewayTestViewModel(services.diagnosis(), services.gateways(), runner,
                    FxEvents.inline(), form, () -> null);
            fill(silent.port(), Security.STARTTLS);
            form.readTimeoutProperty().set("120");
            java.util.concurrent.CountDownLatch greeting = new java.util.concurrent.CountDownLatch(1);
            background.steps().addListener((javafx.collections.ListChangeListener<GatewayTestViewModel.StepRow>) c -> {
                if (background.steps().stream().anyMatch(r -> r.step() == Step.GREETING && r.running())) {
                    greeting.countDown();
                }
            });
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            background.stateProperty().addListener((o, old, now) -> {
                if (now != State.RUNNING) {
                    done.countDown();
                }
            });

            background.check();
            assertTrue(greeting.await(30, TimeUnit.SECONDS), "the greeting step is shown while it runs");
            background.cancel();

            // far less than the 120 s read timeout
            assertTrue(done.await(30, TimeUnit.SECONDS));
            assertEquals(State.CANCELLED, background.stateProperty().get());
        }
    }
}
