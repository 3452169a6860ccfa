package io.cockpit.smtp.ui.gateway;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.engine.EngineRegistryRepository;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.gateway.GatewayRepository;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.Preset;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Severity;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.common.FormModel;
import io.cockpit.smtp.ui.common.InlineRunner;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway form's logic without the FX toolkit: inline runner, real service on a real H2 file. */
class GatewayViewModelTest {
    @TempDir
    Path dir;
    CoreServices services;
    GatewayViewModel vm;

    @BeforeEach
    void open() {
        services = TestStore.open(dir);
        vm = newViewModel();
        vm.form().load();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private GatewayViewModel newViewModel() {
        return new GatewayViewModel(services.gateways(), new InlineRunner(), GatewayConfig.PORTAL);
    }

    private Map<String, StringProperty> textFields(GatewayViewModel m) {
        return Map.of(GatewayField.SERVER, m.serverProperty(), GatewayField.PORT, m.portProperty(),
                GatewayField.HELO, m.heloProperty(), GatewayField.USERNAME, m.usernameProperty(),
                GatewayField.FROM, m.fromProperty(), GatewayField.REPLY_TO, m.replyToProperty(),
                GatewayField.DISPLAY_NAME, m.displayNameProperty(), GatewayField.CONNECT_TIMEOUT, m.connectTimeoutProperty(),
                GatewayField.READ_TIMEOUT, m.readTimeoutProperty(), GatewayField.MAX_PER_MINUTE, m.maxPerMinuteProperty());
    }

    /** CSV cannot hold control characters: the tables write them \r, \n, \0 and \t. */
    private static String unescape(String s) {
        return s == null ? "" : s.replace("\\r", "\r").replace("\\n", "\n").replace("\\0", "\0").replace("\\t", "\t");
    }

    private void fillValidActiveGateway(GatewayViewModel m) {
        m.statusProperty().set(GatewayStatus.ACTIVE);
        m.serverProperty().set("smtp.exemple.fr");
        m.fromProperty().set("support@exemple.fr");
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused with {2}")
    @CsvSource({
            "port, 0, PORT_RANGE",
            "port, 65536, PORT_RANGE",
            "port, abc, PORT_RANGE",
            "port, -25, PORT_RANGE",
            "port, '', REQUIRED",
            "server, smtp exemple.fr, HOST_INVALID",
            "server, 999.1.1.1, HOST_INVALID",
            "server, '2001:db8::zz', HOST_INVALID",
            "server, 'smtp.exemple.fr\\r\\nRCPT TO:<x@y.fr>', CONTROL_CHARACTERS",
            "server, 'smtp\\0.exemple.fr', CONTROL_CHARACTERS",
            "server, '', SERVER_REQUIRED_WHEN_ACTIVE",
            "helo, 'relais\\n', CONTROL_CHARACTERS",
            "helo, relais_1, HOST_INVALID",
            "from, 'a@exemple.fr, b@exemple.fr', ADDRESS_LIST",
            "from, 'a@exemple.fr;b@exemple.fr', ADDRESS_LIST",
            "from, 'support@exemple.fr\\r\\nBcc: victime@exemple.fr', CONTROL_CHARACTERS",
            "from, 'support@exemple.fr\\0', CONTROL_CHARACTERS",
            "from, support, ADDRESS_INVALID",
            "from, '', FROM_REQUIRED_WHEN_ACTIVE",
            "reply-to, 'a@exemple.fr, b@exemple.fr', ADDRESS_LIST",
            "reply-to, 'x@exemple.fr\\n', CONTROL_CHARACTERS",
            "reply-to, '@exemple.fr', ADDRESS_INVALID",
            "display-name, 'Support\\r\\nBcc: x@y.fr', CONTROL_CHARACTERS",
            "display-name, 'Support\\0', CONTROL_CHARACTERS",
            "display-name, 'Support\\tIT', CONTROL_CHARACTERS",
            "username, 'admin\\r\\n', CONTROL_CHARACTERS",
            "connect-timeout, 0, TIMEOUT_RANGE",
            "connect-timeout, 601, TIMEOUT_RANGE",
            "read-timeout, abc, TIMEOUT_RANGE",
            "max-per-minute, -1, RATE_RANGE",
            "max-per-minute, 100001, RATE_RANGE",
    })
    void aBadValueMarksItsFieldAndBlocksSave(String field, String value, Problem expected) {
        fillValidActiveGateway(vm);
        textFields(vm).get(field).set(unescape(value));

        FieldProblem problem = vm.form().problems().property(field).get();
        assertNotNull(problem, field + " should be refused");
        assertEquals(expected, problem.problem());
        assertEquals(Severity.ERROR, problem.severity());
        assertFalse(vm.form().validProperty().get());
        assertFalse(vm.form().canSaveProperty().get());
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is accepted")
    @CsvSource({
            "server, '2001:db8::25'",
            "server, '[2001:db8::25]'",
            "server, '::1'",
            "server, 192.0.2.25",
            "server, smtp.bücher.de",
            "server, smtp.exemple.fr",
            "port, 1",
            "port, 65535",
            "port, ' 587 '",
            "from, support@bücher.de",
            "from, élodie@exemple.fr",
            "from, support@xn--bcher-kva.de",
            "reply-to, ''",
            "reply-to, helpdesk@exemple.fr",
            "display-name, 'Équipe support — Cockpit'",
            "helo, relais.exemple.fr",
            "connect-timeout, 1",
            "read-timeout, 600",
            "max-per-minute, 0",
    })
    void aGoodValueIsAccepted(String field, String value) {
        fillValidActiveGateway(vm);
        textFields(vm).get(field).set(unescape(value));

        assertNull(vm.form().problems().property(field).get());
        assertTrue(vm.form().validProperty().get());
        assertTrue(vm.form().canSaveProperty().get());
    }

    @Test
    void anEmptyUserWithAuthenticationOnIsRefused() {
        vm.authProperty().set(Authentication.PASSWORD);
        vm.usernameProperty().set("");

        assertEquals(Problem.USERNAME_REQUIRED, vm.form().problems().property(GatewayField.USERNAME).get().problem());
        assertFalse(vm.form().canSaveProperty().get());

        vm.usernameProperty().set("relais@exemple.fr");
        assertNull(vm.form().problems().property(GatewayField.USERNAME).get());
    }

    @Test
    void saveIsDisabledUntilSomethingChangesAndAgainAfterRevert() {
        assertTrue(vm.form().loadedProperty().get());
        assertFalse(vm.form().canSaveProperty().get(), "nothing changed yet");

        vm.serverProperty().set("smtp.exemple.fr");
        assertTrue(vm.form().dirtyProperty().get());
        assertTrue(vm.form().canSaveProperty().get());

        vm.form().revert();
        assertEquals("", vm.serverProperty().get());
        assertFalse(vm.form().dirtyProperty().get());
        assertFalse(vm.form().canSaveProperty().get());
    }

    @Test
    void typingBackTheLoadedValueIsNotAChange() {
        vm.portProperty().set("2525");
        vm.portProperty().set("25");
        assertFalse(vm.form().dirtyProperty().get());
    }

    @ParameterizedTest(name = "{0} -> {1} moves port {2} to {3}")
    @CsvSource({
            "NONE, STARTTLS, 25, 587",
            "NONE, SSL, 25, 465",
            "STARTTLS, SSL, 587, 465",
            "SSL, NONE, 465, 25",
            "NONE, STARTTLS, 2525, 2525",
            "STARTTLS, SSL, 25, 25",
    })
    void portFollowsSecurityOnlyWhenItHeldTheUsualPort(Security from, Security to, int port, int expected) {
        vm.securityProperty().set(from);
        vm.portProperty().set(String.valueOf(port));

        vm.securityProperty().set(to);

        assertEquals(String.valueOf(expected), vm.portProperty().get());
    }

    @Test
    void aPresetFillsServerPortSecurityAndAuthentication() {
        vm.fromProperty().set("support@exemple.fr");

        vm.applyPreset(Preset.OFFICE365);

        assertEquals("smtp.office365.com", vm.serverProperty().get());
        assertEquals("587", vm.portProperty().get());
        assertEquals(Security.STARTTLS, vm.securityProperty().get());
        assertEquals(Authentication.PASSWORD, vm.authProperty().get());
        assertEquals("support@exemple.fr", vm.fromProperty().get(), "other fields are kept");
    }

    @Test
    void choosingAnAuthenticationMovesSecurityFromNoneToStartTls() {
        vm.securityProperty().set(Security.NONE);
        vm.portProperty().set("25");

        vm.authProperty().set(Authentication.PASSWORD);

        assertEquals(Security.STARTTLS, vm.securityProperty().get());
        assertEquals("587", vm.portProperty().get(), "the port follows");
    }

    @Test
    void keepingAPasswordInClearTakesAnExplicitConfirmation() {
        vm.authProperty().set(Authentication.PASSWORD);
        vm.usernameProperty().set("relais");
        vm.securityProperty().set(Security.NONE);

        assertTrue(vm.clearTextChoiceProperty().get(), "the confirmation is asked for");
        FieldProblem p = vm.form().problems().property(GatewayField.PASSWORD).get();
        assertEquals(Problem.PASSWORD_IN_CLEAR, p.problem());
        assertEquals(Severity.ERROR, p.severity());
        assertFalse(vm.form().canSaveProperty().get(), "not saved without the confirmation");

        vm.clearTextConfirmedProperty().set(true);
        assertEquals(Severity.WARNING, vm.form().problems().property(GatewayField.PASSWORD).get().severity());
        assertTrue(vm.form().canSaveProperty().get());

        vm.securityProperty().set(Security.STARTTLS);
        assertNull(vm.form().problems().property(GatewayField.PASSWORD).get());
        vm.securityProperty().set(Security.NONE);
        assertFalse(vm.form().canSaveProperty().get(), "a new choice of none is confirmed again");
    }

    @Test
    void aConfigurationSavedInClearLoadsConfirmed() throws Exception {
        GatewayConfig g = services.gateways().loadPortal();
        services.gateways().save(g.toBuilder().security(Security.NONE).auth(Authentication.PASSWORD).username("relais").build());
        GatewayViewModel other = newViewModel();
        other.form().load();

        assertEquals(Security.NONE, other.securityProperty().get());
        assertTrue(other.clearTextConfirmedProperty().get());
        assertEquals(Severity.WARNING, other.form().problems().property(GatewayField.PASSWORD).get().severity());
    }

    @Test
    void savedValuesComeBackInANewViewModelAndThePasswordIsSealedNotShown() throws Exception {
        vm.statusProperty().set(GatewayStatus.ACTIVE);
        vm.serverProperty().set("[2001:db8::25]");
        vm.securityProperty().set(Security.STARTTLS);
        vm.heloProperty().set("relais.exemple.fr");
        vm.authProperty().set(Authentication.PASSWORD);
        vm.usernameProperty().set("relais");
        vm.newPasswordProperty().set("s3cret-é");
        vm.fromProperty().set("support@bücher.de");
        vm.replyToProperty().set("helpdesk@exemple.fr");
        vm.displayNameProperty().set("Équipe support");
        vm.connectTimeoutProperty().set("12");
        vm.readTimeoutProperty().set("45");
        vm.maxPerMinuteProperty().set("120");

        vm.form().save();

        assertEquals(FormModel.Notice.SAVED, vm.form().noticeProperty().get());
        assertEquals("", vm.newPasswordProperty().get(), "the typed password is cleared after saving");
        assertTrue(vm.passwordStoredProperty().get());
        assertFalse(vm.form().dirtyProperty().get());

        GatewayViewModel again = newViewModel();
        again.form().load();
        assertEquals(GatewayStatus.ACTIVE, again.statusProperty().get());
        assertEquals("[2001:db8::25]", again.serverProperty().get());
        assertEquals("587", again.portProperty().get());
        assertEquals(Security.STARTTLS, again.securityProperty().get());
        assertEquals("relais.exemple.fr", again.heloProperty().get());
        assertEquals("relais", again.usernameProperty().get());
        assertEquals("", again.newPasswordProperty().get(), "a stored password is never filled back");
        assertTrue(again.passwordStoredProperty().get());
        assertEquals("support@bücher.de", again.fromProperty().get());
        assertEquals("helpdesk@exemple.fr", again.replyToProperty().get());
        assertEquals("Équipe support", again.displayNameProperty().get());
        assertEquals("12", again.connectTimeoutProperty().get());
        assertEquals("45", again.readTimeoutProperty().get());
        assertEquals("120", again.maxPerMinuteProperty().get());
        GatewayConfig stored = services.gateways().loadPortal();
        assertArrayEquals("s3cret-é".toCharArray(), services.gateways().openPassword(stored));
    }

    @Test
    void keepingThePasswordFieldEmptyKeepsTheStoredPassword() throws Exception {
        vm.authProperty().set(Authentication.PASSWORD);
        vm.securityProperty().set(Security.SSL);
        vm.usernameProperty().set("relais");
        vm.newPasswordProperty().set("premier");
        vm.form().save();

        vm.displayNameProperty().set("Support");
        vm.form().save();

        assertArrayEquals("premier".toCharArray(), services.gateways().openPassword(services.gateways().loadPortal()));
    }

    @Test
    void removingThePasswordSavesWithoutOne() {
        vm.authProperty().set(Authentication.PASSWORD);
        vm.securityProperty().set(Security.SSL);
        vm.usernameProperty().set("relais");
        vm.newPasswordProperty().set("premier");
        vm.form().save();

        vm.removePassword();
        assertTrue(vm.form().dirtyProperty().get());
        vm.form().save();

        assertFalse(services.gateways().loadPortal().passwordSet());
        assertFalse(vm.passwordStoredProperty().get());
    }

    @Test
    void activatingAPasswordGatewayWithoutAPasswordIsRefused() {
        fillValidActiveGateway(vm);
        vm.authProperty().set(Authentication.PASSWORD);
        vm.securityProperty().set(Security.STARTTLS);
        vm.usernameProperty().set("relais");

        assertEquals(Problem.PASSWORD_REQUIRED, vm.form().problems().property(GatewayField.PASSWORD).get().problem());
        assertFalse(vm.form().canSaveProperty().get());

        vm.newPasswordProperty().set("x");
        assertTrue(vm.form().canSaveProperty().get());
    }

    @Test
    void aSaveOverSomeoneElsesSaveIsRefusedAndOverwritesNothing() {
        GatewayViewModel other = newViewModel();
        other.form().load();
        other.serverProperty().set("smtp.autre.fr");
        other.form().save();

        vm.serverProperty().set("smtp.exemple.fr");
        vm.form().save();

        assertEquals(FormModel.Notice.CONFLICT, vm.form().noticeProperty().get());
        assertTrue(vm.form().dirtyProperty().get(), "the user's edits stay on screen");
        assertEquals("smtp.autre.fr", services.gateways().loadPortal().server());

        vm.form().load();
        assertEquals("smtp.autre.fr", vm.serverProperty().get());
        assertNull(vm.form().noticeProperty().get());
    }

    @Test
    void oauthWithoutMailboxProviderOrClientIdIsMarkedOnEachField() {
        vm.authProperty().set(Authentication.OAUTH2);
        vm.securityProperty().set(Security.STARTTLS);

        vm.form().save();

        assertEquals(Problem.USERNAME_REQUIRED, vm.form().problems().property(GatewayField.USERNAME).get().problem());
        assertEquals(Problem.OAUTH_FIELD_REQUIRED, vm.form().problems().property(GatewayField.OAUTH_PROVIDER).get().problem());
        assertEquals(Problem.OAUTH_FIELD_REQUIRED, vm.form().problems().property(GatewayField.OAUTH_CLIENT_ID).get().problem());
        assertFalse(vm.form().canSaveProperty().get());
        assertFalse(services.gateways().loadPortal().auth() == Authentication.OAUTH2, "nothing was saved");
    }

    @Test
    void aPreconfiguredGatewaySaysSo() {
        GatewayConfig preset = GatewayConfig.defaults("x").toBuilder()
                .server("smtp.saas.exemple.fr").from("noreply@saas.exemple.fr").build();
        GatewayService seeded = new GatewayService(new GatewayRepository(services.database()),
                new EngineRegistryRepository(services.database())::names, services.secrets(), () -> Optional.of(preset),
                services.access());
        GatewayViewModel m = new GatewayViewModel(seeded, new InlineRunner(), GatewayConfig.PORTAL);

        m.form().load();

        assertTrue(m.preconfiguredProperty().get());
        assertEquals("smtp.saas.exemple.fr", m.serverProperty().get());
        assertFalse(vm.preconfiguredProperty().get(), "the gateway loaded before seeding was not preconfigured");
    }
}
