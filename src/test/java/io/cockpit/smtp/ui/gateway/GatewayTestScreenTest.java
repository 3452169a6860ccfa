package io.cockpit.smtp.ui.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.mail.diagnosis.TestCerts;
import io.cockpit.smtp.core.mail.diagnosis.TestSmtp;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.ConsoleFixture;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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
                ((javafx.scene.control.ScrollPane) node("#formScroll")).setVvalue(1.0);
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

    @Test
    void aRefusedConnectionIsExplainedInFrench() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        saveGateway(b -> b.server("127.0.0.1").port(closed).security(Security.NONE));
        openGatewayScreen();

        List<String> steps = checkConnection();

        assertEquals(2, steps.size(), steps.toString());
        assertTrue(steps.get(0).matches("Résolution du nom : réussi \\(\\d+ ms\\) 127\\.0\\.0\\.1"), steps.get(0));
        assertTrue(steps.get(1).matches("Connexion TCP : connexion refusée \\(\\d+ ms\\) 127\\.0\\.0\\.1 port "
                + closed + " : connexion refusée"), steps.get(1));
        assertEquals("Échec à l'étape « Connexion TCP » : connexion refusée.", this.<Label>node("#resultLabel").getText());
        assertEquals(List.of("Rien n'accepte de connexion sur ce port : vérifiez le port et que le service de "
                + "messagerie fonctionne."), hints());
    }

    @Test
    void anUntrustedCertificateIsDescribedInFrenchWithFrenchDates() throws Exception {
        TestCerts.Cert cert = TestCerts.localhost(dir, "localhost");
        try (var server = TestSmtp.subetha(0, cert.serverContext(), true, null, null)) {
            saveGateway(b -> b.server("127.0.0.1").port(server.port()).security(Security.STARTTLS));
            openGatewayScreen();

            List<String> steps = checkConnection();

            assertEquals(4, steps.size(), steps.toString());
            assertTrue(steps.get(1).endsWith("127.0.0.1 port " + server.port() + " : connecté"), steps.get(1));
            assertTrue(steps.get(2).startsWith("Accueil et capacités (EHLO) : réussi ("), steps.get(2));
            assertTrue(steps.get(2).endsWith("; EHLO : STARTTLS, 8BITMIME, SMTPUTF8"), steps.get(2));
            String from = frenchDate(cert.certificate().getNotBefore().toInstant());
            String until = frenchDate(cert.certificate().getNotAfter().toInstant());
            String tls = steps.get(3);
            assertTrue(tls.startsWith("TLS : certificat non approuvé ("), tls);
            assertTrue(tls.contains(" certificat CN=localhost, émis par CN=localhost, valide du " + from + " au " + until
                    + ", sha256:"), tls);
            assertTrue(tls.endsWith("; le certificat nomme bien 127.0.0.1"), tls);
            for (String line : steps) {
                for (String english : List.of("connected", "issued by", "valid ", "host name", "handshake", "Could not",
                        "PKIX", "no greeting", "no reply")) {
                    assertFalse(line.contains(english), "English \"" + english + "\" in: " + line);
                }
                assertFalse(line.matches(".*\\d{4}-\\d{2}-\\d{2}T.*"), "an ISO date in: " + line);
            }
            assertEquals("Échec à l'étape « TLS » : certificat non approuvé.", this.<Label>node("#resultLabel").getText());
            assertEquals("Valide du " + from + " au " + until, this.<Label>node("#certValidity").getText());
            TextArea transcript = node("#transcriptArea");
            assertTrue(transcript.getText().contains("C: STARTTLS"), "the conversation stays as it was: "
                    + transcript.getText());
        }
    }

    private void saveGateway(UnaryOperator<GatewayConfig.Builder> settings) {
        try (CoreServices services = TestStore.open(dir)) {
            services.gateways().save(settings.apply(services.gateways().loadPortal().toBuilder()
                    .from("itsm@example.com").readTimeoutSeconds(5)).build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Clicks Tester la connexion and returns the step lines as shown, once the result is there. */
    private List<String> checkConnection() throws Exception {
        Button check = node("#checkButton");
        interact(check::fire);
        Label result = node("#resultLabel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> result.isVisible() && !result.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return lookup("#stepList .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getText() != null).sorted(Comparator.comparingInt(ListCell::getIndex))
                .map(ListCell::getText).toList();
    }

    private List<String> hints() {
        return lookup("#hintBox .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static String frenchDate(Instant t) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.FRENCH)
                .withZone(ZoneId.systemDefault()).format(t);
    }
}
