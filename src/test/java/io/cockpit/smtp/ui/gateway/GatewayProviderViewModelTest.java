package io.cockpit.smtp.ui.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.core.gateway.Preset;
import io.cockpit.smtp.core.gateway.Transport;
import io.cockpit.smtp.core.mail.diagnosis.Hint;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.common.InlineRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The form's Microsoft 365 and Google parts, without the toolkit: presets' limits, hints' switches, Graph's rules. */
class GatewayProviderViewModelTest {
    @TempDir
    Path dir;
    private CoreServices services;
    private GatewayViewModel vm;

    @BeforeEach
    void open() {
        services = TestStore.open(dir);
        vm = new GatewayViewModel(services.gateways(), new InlineRunner(), GatewayConfig.PORTAL);
        vm.form().load();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void theMicrosoftPresetBringsItsDocumentedLimitsAndGmailOnlyItsDailyOne() {
        vm.maxPerMinuteProperty().set("12");
        vm.applyPreset(Preset.OFFICE365);
        assertEquals("30", vm.maxPerMinuteProperty().get());
        assertEquals("10000", vm.maxRecipientsPerDayProperty().get());
        vm.applyPreset(Preset.GMAIL);
        assertEquals("30", vm.maxPerMinuteProperty().get(), "Google publishes no per-minute figure: the cap stays");
        assertEquals("2000", vm.maxRecipientsPerDayProperty().get());
    }

    @Test
    void aPresetKeepsAnOAuthChoiceAlreadyMade() {
        vm.authProperty().set(Authentication.OAUTH2);
        vm.applyPreset(Preset.OFFICE365);
        assertEquals(Authentication.OAUTH2, vm.authProperty().get());
    }

    @Test
    void theSmtpAuthDisabledHintSwitchesToGraphWithAMicrosoftApplication() {
        GatewayTestViewModel test = new GatewayTestViewModel(services.diagnosis(), services.gateways(), new InlineRunner(),
                io.cockpit.smtp.ui.common.FxEvents.inline(), vm, () -> null);
        test.follow(Hint.SMTP_AUTH_DISABLED);
        assertEquals(Transport.GRAPH, vm.transportProperty().get());
        assertEquals(Authentication.OAUTH2, vm.authProperty().get());
        assertEquals(OAuthProvider.MICROSOFT, vm.oauth().providerProperty().get());
        assertEquals(OAuthGrant.APPLICATION, vm.oauth().grantProperty().get());
        assertEquals(FormPart.GRAPH, vm.shownPartProperty().get());
    }

    @Test
    void theGoogleHintSwitchesToOAuthAndGuessesTheProviderFromTheServer() {
        vm.serverProperty().set("smtp.gmail.com");
        GatewayTestViewModel test = new GatewayTestViewModel(services.diagnosis(), services.gateways(), new InlineRunner(),
                io.cockpit.smtp.ui.common.FxEvents.inline(), vm, () -> null);
        test.follow(Hint.GOOGLE_NEEDS_OAUTH);
        assertEquals(Authentication.OAUTH2, vm.authProperty().get());
        assertEquals(OAuthProvider.GOOGLE, vm.oauth().providerProperty().get());
        assertEquals(Transport.SMTP, vm.transportProperty().get());
        assertEquals(FormPart.OAUTH, vm.shownPartProperty().get());
        assertNull(GatewayTestViewModel.partFor(Hint.CERT_EXPIRED), "other hints have no button");
    }

    @Test
    void graphWithAGoogleClientOrAPlainHttpEndpointIsRefusedOnTheRightField() {
        vm.useGraph();
        vm.oauth().providerProperty().set(OAuthProvider.GOOGLE);
        vm.graphUrlProperty().set("http://graph.example.com");
        assertEquals(Problem.GRAPH_NEEDS_MICROSOFT, vm.form().problems().property(GatewayField.OAUTH_PROVIDER).get().problem());
        assertEquals(Problem.HTTPS_REQUIRED, vm.form().problems().property(GatewayField.GRAPH_URL).get().problem());
        assertFalse(vm.form().canSaveProperty().get());
    }

    @Test
    void aSavedGraphGatewayKeepsItsSecretSealedAndTheApplicationGrantDropsARefreshToken() throws Exception {
        vm.useGraph();
        vm.usernameProperty().set("svc@contoso.com");
        vm.oauth().clientIdProperty().set("app-id");
        vm.oauth().newClientSecretProperty().set("the-secret");
        vm.graphUrlProperty().set("https://graph.microsoft.us");
        vm.maxRecipientsPerDayProperty().set("10000");
        assertTrue(vm.form().canSaveProperty().get(), vm.form().problems().toString());
        vm.form().save();

        GatewayConfig saved = services.gateways().loadPortal();
        assertEquals(Transport.GRAPH, saved.transport());
        assertEquals("https://graph.microsoft.us", saved.graphUrl());
        assertEquals(10_000, saved.maxRecipientsPerDay());
        assertFalse(saved.oauth().clientSecret().ciphertext().contains("the-secret"));
        assertEquals("the-secret", new String(services.gateways().openSecret(saved, GatewayField.OAUTH_CLIENT_SECRET,
                saved.oauth().clientSecret())));
        assertEquals("", vm.oauth().newClientSecretProperty().get(), "the typed secret is not kept on screen");
        assertTrue(vm.oauth().clientSecretStoredProperty().get());
    }
}
