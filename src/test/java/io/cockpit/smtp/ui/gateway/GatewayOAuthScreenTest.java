package io.cockpit.smtp.ui.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.core.gateway.Transport;
import io.cockpit.smtp.core.mail.diagnosis.TestCerts;
import io.cockpit.smtp.testing.GraphEndpoint;
import io.cockpit.smtp.testing.GraphGateway;
import io.cockpit.smtp.testing.OAuthServer;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.ConsoleFixture;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Microsoft 365 and Google on the Passerelle SMTP screen, as a user drives it: the OAuth 2.0 fields, Autoriser against
 * a real authorization server (the test plays the browser), and a test email through Microsoft Graph.
 */
class GatewayOAuthScreenTest extends ConsoleFixture {
    @TempDir
    static Path certs;
    static TestCerts.Cert cert;

    @BeforeAll
    static void certificate() {
        cert = TestCerts.localhost(certs, "graph");
    }

    private <T> void choose(String id, T value) {
        ComboBox<T> box = node(id);
        interact(() -> box.getSelectionModel().select(value));
    }

    private void type(String id, String text) {
        TextField field = node(id);
        interact(() -> {
            field.requestFocus();
            field.selectAll();
        });
        write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theOAuthFieldsShowForOAuthWithTheProvidersEndpointsAndTheSecretIsNeverShownBack() throws Exception {
        openGatewayScreen();
        Node oauth = node("#oauthBox");
        assertFalse(oauth.isVisible(), "no OAuth fields for a gateway without OAuth");

        choose("#authBox", Authentication.OAUTH2);
        assertTrue(oauth.isVisible());
        choose("#providerBox", OAuthProvider.MICROSOFT);
        TextField tokenUrl = node("#tokenUrlField");
        assertEquals("https://login.microsoftonline.com/organizations/oauth2/v2.0/token", tokenUrl.getPromptText());
        type("#tenantField", "contoso.onmicrosoft.com");
        assertEquals("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token", tokenUrl.getPromptText());
        assertEquals("https://outlook.office365.com/.default", ((TextField) node("#scopeField")).getPromptText());
        type("#usernameField", "svc@contoso.com");
        type("#clientIdField", "11111111-2222-3333-4444-555555555555");
        PasswordField secret = node("#clientSecretField");
        interact(() -> {
            secret.requestFocus();
            secret.setText("s3cret~value");
        });
        assertEquals("(aucun secret enregistré)", secret.getPromptText());
        interact(() -> ((Button) node("#saveButton")).fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> secret.getText().isEmpty() && secret.getPromptText().contains("enregistré)")
                && !secret.getPromptText().contains("aucun"));
        assertEquals("(secret enregistré)", secret.getPromptText());
        assertEquals("", secret.getText(), "a stored secret is never shown back");
        assertEquals("Obtenir un jeton", ((Button) node("#authorizeButton")).getText());
    }

    @Test
    void autoriserAgainstTheAuthorizationServerCompletesAndShowsTheTokensHealth() throws Exception {
        try (OAuthServer oauth = new OAuthServer()) {
            try (CoreServices s = TestStore.open(dir)) {
                GatewayConfig g = s.gateways().loadPortal();
                s.gateways().save(g.toBuilder().auth(Authentication.OAUTH2).username("svc@example.com")
                        .oauth(new GatewayConfig.OAuthSettings(OAuthProvider.CUSTOM, null, "desk-app", null,
                                oauth.tokenUrl(), "openid offline_access smtp.send", null)).build());
            }
            browser = uri -> CompletableFuture.runAsync(() -> OAuthServer.browse(uri, "svc@example.com"));
            openGatewayScreen();
            choose("#grantBox", OAuthGrant.DELEGATED);
            Button authorize = node("#authorizeButton");
            assertEquals("Autoriser", authorize.getText());
            interact(authorize::fire);

            Label health = node("#tokenHealthLabel");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> health.getText().startsWith("Autorisation enregistrée"));
            assertEquals("Le fournisseur a délivré un jeton.", ((Label) node("#authorizeStatus")).getText());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> authorize.getText().equals("Réautoriser"));
        }
        closeConsole();
        try (CoreServices s = TestStore.open(dir)) {
            assertNotNull(s.gateways().loadPortal().oauth().refreshToken(), "the refresh token was saved, sealed");
        }
    }

    @Test
    void anApplicationGetsItsTokenFromTheScreenAndARefusalIsSaidInPlainWords() throws Exception {
        try (OAuthServer oauth = new OAuthServer()) {
            try (CoreServices s = TestStore.open(dir)) {
                GatewayConfig g = s.gateways().loadPortal();
                s.gateways().save(g.toBuilder().auth(Authentication.OAUTH2).username("svc@contoso.com")
                        .oauth(new GatewayConfig.OAuthSettings(OAuthProvider.MICROSOFT, "contoso", "desk-app", null,
                                oauth.tokenUrl(), null, null)).build());
            }
            openGatewayScreen();
            PasswordField secret = node("#clientSecretField");
            interact(() -> secret.setText("expired-secret"));
            oauth.refuseNext(401, "invalid_client", "AADSTS7000222: The provided client secret keys are expired.");
            Button authorize = node("#authorizeButton");
            interact(authorize::fire);
            Label status = node("#authorizeStatus");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Échec"));
            assertTrue(status.getText().contains("le secret de l'application a expiré"), status.getText());
            assertFalse(status.getText().contains("expired-secret"));

            interact(authorize::fire);
            Label health = node("#tokenHealthLabel");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> health.getText().startsWith("Jeton valide jusqu'au"));
            assertTrue(health.getText().contains("dernier renouvellement"), health.getText());
        }
    }

    @Test
    void switchingTheTransportToGraphAndSendingATestEmailShowsTheSteps() throws Exception {
        try (OAuthServer oauth = new OAuthServer(); GraphEndpoint graph = new GraphEndpoint(cert.serverContext())) {
            try (CoreServices s = TestStore.open(dir)) {
                GatewayConfig g = GraphGateway.save(s, oauth, graph, cert.certificate());
                s.gateways().save(g.toBuilder().transport(Transport.SMTP).server("smtp.office365.com").port(587).build());
            }
            openGatewayScreen();
            choose("#transportBox", Transport.GRAPH);
            assertTrue(((TextField) node("#serverField")).isDisabled(), "SMTP's fields are set aside");
            TextField recipient = node("#recipientField");
            interact(() -> {
                ((ScrollPane) node("#formScroll")).setVvalue(1.0);
                recipient.setText("admin@example.org");
            });
            interact(() -> ((Button) node("#sendButton")).fire());

            Label result = node("#resultLabel");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> result.isVisible() && !result.getText().isEmpty());
            assertTrue(result.getText().startsWith("Le serveur a accepté l'email de test"), result.getText());
            ListView<?> steps = node("#stepList");
            String shown = steps.getItems().toString();
            assertEquals(6, steps.getItems().size(), shown);
            assertTrue(shown.contains("SEND") && shown.contains("TOKEN") && shown.contains("PERMISSION"), shown);
            TextArea transcript = node("#transcriptArea");
            assertTrue(transcript.getText().contains("C: Authorization: Bearer ********"), transcript.getText());
            assertTrue(transcript.getText().contains("S: HTTP/1.1 202"), transcript.getText());
            assertEquals(1, graph.received().size());
        }
    }
}
