package io.cockpit.smtp.ui.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.common.InlineRunner;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envoyer un exemple: the previewed email of a tab arrives as previewed, through the saved gateway, even inactive. */
class SampleSendViewModelTest {
    @TempDir
    Path dir;
    CoreServices services;
    FormatViewModel format;

    @BeforeEach
    void open() {
        services = TestStore.open(dir);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private SampleSendViewModel sampleOf(String lang) {
        format = new FormatViewModel(services.formats(), services.gateways(), new InlineRunner());
        format.form().load();
        TemplateTabViewModel tab = format.tab(lang).orElseThrow();
        return new SampleSendViewModel(services.diagnosis(), services.gateways(), new InlineRunner(),
                () -> tab.emailProperty().get());
    }

    @Test
    void thePreviewedEmailArrivesWithItsSubjectAndBody() throws Exception {
        GreenMail gm = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        gm.start();
        try {
            services.gateways().save(services.gateways().loadPortal().toBuilder()
                    .server("127.0.0.1").port(gm.getSmtp().getPort()).security(Security.NONE)
                    .from("itsm@example.com").displayName("Service desk").build());
            SampleSendViewModel send = sampleOf("fr");
            String subject = format.tab("fr").orElseThrow().emailProperty().get().subject();
            send.recipientProperty().set("support@example.org");

            send.send();

            assertEquals(SampleSendViewModel.State.SENT, send.stateProperty().get(), () -> String.valueOf(send.reportProperty().get()));
            MimeMessage m = gm.getReceivedMessages()[0];
            assertEquals(subject, m.getSubject());
            assertTrue(subject.startsWith("Rapport Incidents ouverts"), subject);
            assertEquals("Service desk", ((InternetAddress) m.getFrom()[0]).getPersonal());
            assertEquals(1, services.outbox().list(null, Flow.TEST, 10).size(), "recorded in the history");
        } finally {
            gm.stop();
        }
    }

    @Test
    void aBadAddressIsRefusedAndAMissingServerIsExplained() {
        SampleSendViewModel send = sampleOf("en");
        send.recipientProperty().set("nobody");
        send.send();
        assertEquals(Problem.ADDRESS_INVALID, send.recipientProblemProperty().get().problem());

        send.recipientProperty().set("support@example.org");
        send.send();
        assertEquals(SampleSendViewModel.State.GATEWAY_INCOMPLETE, send.stateProperty().get(), "no server saved yet");
    }
}
