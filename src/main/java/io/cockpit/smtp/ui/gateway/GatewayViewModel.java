package io.cockpit.smtp.ui.gateway;

import static io.cockpit.smtp.core.gateway.GatewayField.*;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.GatewayValidator;
import io.cockpit.smtp.core.gateway.Preset;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.gateway.Transport;
import io.cockpit.smtp.core.gateway.TrustedCertificate;
import io.cockpit.smtp.core.store.SealedSecret;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.FieldProblems;
import io.cockpit.smtp.ui.common.FormModel;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The gateway form's fields: an edit buffer of text and choices filled from a {@link GatewayConfig} and turned back
 * into one on save, each field's problem as the user types (the core's {@link GatewayValidator}), and the commands
 * remove password and apply preset. Load, save, revert and their state are the {@link #form()}'s. One view model per
 * gateway name: the portal's gateway and engines' specific gateways share this class.
 */
public final class GatewayViewModel {
    private static final List<String> FIELDS = List.of(STATUS, ENGINE, SERVER, PORT, SECURITY, HELO, AUTH, USERNAME,
            PASSWORD, FROM, REPLY_TO, DISPLAY_NAME, CONNECT_TIMEOUT, READ_TIMEOUT, MAX_PER_MINUTE, MAX_RECIPIENTS_PER_DAY,
            TRANSPORT, GRAPH_URL, OAUTH_PROVIDER, OAUTH_TENANT, OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET, OAUTH_TOKEN_URL,
            OAUTH_SCOPE);

    private final GatewayService service;
    private final String gatewayName;
    private final FormModel<Stored> form;
    private final FieldProblems problems;

    private final ObjectProperty<GatewayStatus> status = new SimpleObjectProperty<>(this, STATUS);
    private final StringProperty engine = new SimpleStringProperty(this, ENGINE, "");
    private final ObservableList<String> engines = FXCollections.observableArrayList();
    private final StringProperty server = new SimpleStringProperty(this, SERVER, "");
    private final StringProperty port = new SimpleStringProperty(this, PORT, "");
    private final ObjectProperty<Security> security = new SimpleObjectProperty<>(this, SECURITY);
    private final StringProperty helo = new SimpleStringProperty(this, HELO, "");
    private final ObjectProperty<Authentication> auth = new SimpleObjectProperty<>(this, AUTH);
    private final BooleanProperty clearTextConfirmed = new SimpleBooleanProperty(this, "clearTextConfirmed");
    private final ObservableList<Authentication> authChoices =
            FXCollections.observableArrayList(Authentication.NONE, Authentication.PASSWORD, Authentication.OAUTH2);
    private final StringProperty username = new SimpleStringProperty(this, USERNAME, "");
    /** What the user typed in the password field; empty means "keep the stored one". Never filled from the store. */
    private final StringProperty newPassword = new SimpleStringProperty(this, PASSWORD, "");
    private final StringProperty from = new SimpleStringProperty(this, FROM, "");
    private final StringProperty replyTo = new SimpleStringProperty(this, REPLY_TO, "");
    private final StringProperty displayName = new SimpleStringProperty(this, DISPLAY_NAME, "");
    private final StringProperty connectTimeout = new SimpleStringProperty(this, CONNECT_TIMEOUT, "");
    private final StringProperty readTimeout = new SimpleStringProperty(this, READ_TIMEOUT, "");
    private final StringProperty maxPerMinute = new SimpleStringProperty(this, MAX_PER_MINUTE, "");
    private final StringProperty maxRecipientsPerDay = new SimpleStringProperty(this, MAX_RECIPIENTS_PER_DAY, "");
    private final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(this, TRANSPORT, Transport.SMTP);
    /** Credentials would cross the network in clear: SMTP, authentication on, no TLS. */
    private final BooleanBinding clearTextChoice = Bindings.createBooleanBinding(
            () -> auth.get() != null && auth.get() != Authentication.NONE && security.get() == Security.NONE
                    && transport.get() == Transport.SMTP, auth, security, transport);
    private final StringProperty graphUrl = new SimpleStringProperty(this, GRAPH_URL, "");
    private final GatewayOAuthFields oauth = new GatewayOAuthFields(transport, graphUrl);
    /** The part of the form a hint asked to show; the view scrolls to it. */
    private final ObjectProperty<FormPart> shownPart = new SimpleObjectProperty<>(this, "shownPart");
    /** The pinned certificates in the edit buffer ("Faire confiance à ce certificat" adds one, saved with the rest). */
    private final ObservableList<TrustedCertificate> trustedCertificates = FXCollections.observableArrayList();

    private final ReadOnlyBooleanWrapper passwordStored = new ReadOnlyBooleanWrapper(this, "passwordStored");
    private final ReadOnlyBooleanWrapper preconfigured = new ReadOnlyBooleanWrapper(this, "preconfigured");

    /** The gateway as last loaded or saved: the base of the record the buffer turns into. */
    private GatewayConfig original;
    private boolean passwordRemoved;

    public GatewayViewModel(GatewayService service, BackgroundRunner runner, String gatewayName) {
        this.service = service;
        this.gatewayName = gatewayName;
        this.form = FormModel.<Stored>builder(runner, "gateway '" + gatewayName + "'")
                .fields(FIELDS)
                .loads(() -> new Stored(service.load(gatewayName), service.engineNames()))
                .saves(this::saving)
                .shows(this::show, this::editState)
                .checks(this::check)
                .build();
        this.problems = form.problems();
        for (Observable o : List.of(status, engine, server, port, security, helo, auth, username, newPassword, from,
                replyTo, displayName, connectTimeout, readTimeout, maxPerMinute, trustedCertificates, maxRecipientsPerDay,
                transport, graphUrl)) {
            o.addListener(x -> form.changed());
        }
        oauth.observables().forEach(o -> o.addListener(x -> form.changed()));
        security.addListener((o, old, now) -> portFollows(old, now));
        auth.addListener((o, old, now) -> securityFollowsAuthentication(old, now));
        security.addListener((o, old, now) -> askAgainForClearText());
        auth.addListener((o, old, now) -> askAgainForClearText());
        clearTextConfirmed.addListener(x -> form.changed());
    }

    /** What a load or a save brings back: the gateway, and the engine names its engine is chosen from. */
    private record Stored(GatewayConfig config, List<String> engines) {
    }

    // --- commands ---

    /** The stored password will be removed at the next save. */
    public void removePassword() {
        passwordRemoved = true;
        newPassword.set("");
        passwordStored.set(false);
        form.changed();
    }

    /**
     * Fills server (when the preset names one), port, security, authentication and the limits the provider documents;
     * the other fields are kept. An OAuth 2.0 choice already made stays: the preset's password is only the default.
     */
    public void applyPreset(Preset preset) {
        GatewayConfig filled = preset.applyTo(GatewayConfig.defaults(gatewayName).toBuilder().maxPerMinute(-1)
                .maxRecipientsPerDay(-1).build());
        if (filled.server() != null) {
            server.set(filled.server());
        }
        security.set(filled.security());
        port.set(String.valueOf(filled.port()));
        if (auth.get() != Authentication.OAUTH2) {
            auth.set(filled.auth());
        }
        if (filled.maxPerMinute() >= 0) {
            maxPerMinute.set(String.valueOf(filled.maxPerMinute()));
        }
        if (filled.maxRecipientsPerDay() >= 0) {
            maxRecipientsPerDay.set(String.valueOf(filled.maxRecipientsPerDay()));
        }
    }

    /** The stored client secret will be removed at the next save. */
    public void removeClientSecret() {
        oauth.removeClientSecret();
        form.changed();
    }

    /**
     * Switches to OAuth 2.0 (a hint found that the provider takes no password): the provider guessed from the server
     * when none is chosen, and the form shows its OAuth part.
     */
    public void useOAuth() {
        auth.set(Authentication.OAUTH2);
        if (oauth.providerProperty().get() == null) {
            String host = server.get() == null ? "" : server.get().toLowerCase(java.util.Locale.ROOT);
            oauth.providerProperty().set(host.contains("gmail") || host.contains("google") ? OAuthProvider.GOOGLE
                    : host.contains("office365") || host.contains("outlook") ? OAuthProvider.MICROSOFT : null);
        }
        shownPart.set(null);
        shownPart.set(FormPart.OAUTH);
    }

    /**
     * Switches to Microsoft Graph (a hint found SMTP AUTH disabled): OAuth 2.0 with the Microsoft provider and the
     * application's grant, which Graph takes; the form shows the transport.
     */
    public void useGraph() {
        transport.set(Transport.GRAPH);
        auth.set(Authentication.OAUTH2);
        oauth.providerProperty().set(OAuthProvider.MICROSOFT);
        oauth.grantProperty().set(OAuthGrant.APPLICATION);
        shownPart.set(null);
        shownPart.set(FormPart.GRAPH);
    }

    /** Pins a certificate into the edit buffer (not saved until Save). Pinning the same one twice adds nothing. */
    public void trustCertificate(TrustedCertificate certificate) {
        if (trustedCertificates.stream().noneMatch(t -> t.fingerprint().equals(certificate.fingerprint()))) {
            trustedCertificates.add(certificate);
        }
    }

    // --- to and from the record ---

    private void show(Stored stored) {
        GatewayConfig c = stored.config();
        original = c;
        engines.setAll(stored.engines());
        if (c.auth() != null && !authChoices.contains(c.auth())) {
            authChoices.add(c.auth());
        }
        String sentBy = engineFixed() ? gatewayName : c.engine();
        if (sentBy != null && !engines.contains(sentBy)) {
            engines.add(sentBy);
        }
        status.set(c.status());
        engine.set(text(sentBy));
        server.set(text(c.server()));
        security.set(c.security());
        port.set(String.valueOf(c.port()));
        helo.set(text(c.helo()));
        auth.set(c.auth());
        // Stored that way, it was confirmed when it was saved.
        clearTextConfirmed.set(c.auth() != Authentication.NONE && c.security() == Security.NONE);
        username.set(text(c.username()));
        newPassword.set("");
        passwordRemoved = false;
        passwordStored.set(c.passwordSet());
        from.set(text(c.from()));
        replyTo.set(text(c.replyTo()));
        displayName.set(text(c.displayName()));
        connectTimeout.set(String.valueOf(c.connectTimeoutSeconds()));
        readTimeout.set(String.valueOf(c.readTimeoutSeconds()));
        maxPerMinute.set(String.valueOf(c.maxPerMinute()));
        maxRecipientsPerDay.set(String.valueOf(c.maxRecipientsPerDay()));
        transport.set(c.transport());
        graphUrl.set(text(c.graphUrl()));
        oauth.show(c);
        preconfigured.set(c.preconfigured());
        trustedCertificates.setAll(c.trustedCertificates());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private List<Object> editState() {
        return Arrays.asList(status.get(), engine.get(), server.get(), port.get(), security.get(), helo.get(), auth.get(),
                username.get(), newPassword.get().isEmpty(), passwordRemoved, from.get(), replyTo.get(),
                displayName.get(), connectTimeout.get(), readTimeout.get(), maxPerMinute.get(),
                List.copyOf(trustedCertificates), maxRecipientsPerDay.get(), transport.get(), graphUrl.get(),
                oauth.editState());
    }

    /** The buffer taken on the FX thread; the typed password is sealed in the background, with the save. */
    private Callable<Stored> saving() {
        Draft draft = draft();
        List<String> known = List.copyOf(engines);
        return () -> new Stored(service.save(draft.sealed(service)), known);
    }

    /** The edit buffer as a record; call only when the form is valid. */
    private GatewayConfig toConfig(SealedSecret password) {
        return original.toBuilder()
                .status(status.get())
                .engine(engine.get())
                .server(server.get())
                .port(Integer.parseInt(port.get().trim()))
                .security(security.get())
                .helo(helo.get())
                .auth(auth.get())
                .username(username.get())
                .password(password)
                .from(from.get())
                .replyTo(replyTo.get())
                .displayName(displayName.get())
                .connectTimeoutSeconds(Integer.parseInt(connectTimeout.get().trim()))
                .readTimeoutSeconds(Integer.parseInt(readTimeout.get().trim()))
                .maxPerMinute(Integer.parseInt(maxPerMinute.get().trim()))
                .maxRecipientsPerDay(Integer.parseInt(maxRecipientsPerDay.get().trim()))
                .transport(transport.get())
                .graphUrl(graphUrl.get())
                .oauth(oauth.settings(original.oauth()))
                .trustedCertificates(List.copyOf(trustedCertificates))
                .build();
    }

    /**
     * The values on the screen as they are, saved or not, for "Tester la connexion" and for saving; null while the
     * gateway is not loaded or a field is invalid. A typed password comes as characters, to be sealed off the FX thread.
     */
    public record Draft(GatewayConfig config, char[] typedPassword, char[] typedClientSecret) {
        /**
         * The draft with its typed password and client secret sealed for its gateway (the characters are wiped); off
         * the FX thread.
         */
        public GatewayConfig sealed(GatewayService gateways) {
            GatewayConfig c = config;
            if (typedPassword != null) {
                try {
                    c = c.toBuilder().password(gateways.sealPassword(c.name(), typedPassword)).build();
                } finally {
                    Arrays.fill(typedPassword, '\0');
                }
            }
            if (typedClientSecret != null) {
                try {
                    GatewayConfig.OAuthSettings o = c.oauth();
                    c = c.toBuilder().oauth(new GatewayConfig.OAuthSettings(o.provider(), o.tenant(), o.clientId(),
                            gateways.sealSecret(c.name(), OAUTH_CLIENT_SECRET, typedClientSecret), o.tokenUrl(),
                            o.scope(), o.refreshToken())).build();
                } finally {
                    Arrays.fill(typedClientSecret, '\0');
                }
            }
            return c;
        }
    }

    public Draft draft() {
        if (original == null || !form.validProperty().get()) {
            return null;
        }
        char[] typed = newPassword.get().isEmpty() ? null : newPassword.get().toCharArray();
        return new Draft(toConfig(passwordRemoved ? null : original.password()), typed, oauth.typedClientSecret());
    }

    // --- checks ---

    private void portFollows(Security old, Security now) {
        if (form.showing() || old == null || now == null) {
            return;
        }
        Syntax.parseInt(port.get()).ifPresent(p -> port.set(String.valueOf(now.portAfterSwitchFrom(old, p))));
    }

    /**
     * Choosing an authentication moves security from none to STARTTLS (the port follows): a password or a token in
     * clear is never what a choice of authentication alone gives.
     */
    private void securityFollowsAuthentication(Authentication old, Authentication now) {
        if (form.showing() || now == null || now == Authentication.NONE || (old != null && old != Authentication.NONE)) {
            return;
        }
        if (security.get() == Security.NONE) {
            security.set(Security.STARTTLS);
        }
    }

    /** A change of security or authentication asks again whether credentials may travel in clear. */
    private void askAgainForClearText() {
        if (!form.showing()) {
            clearTextConfirmed.set(false);
        }
    }

    private void check() {
        boolean active = status.get() == GatewayStatus.ACTIVE;
        error(STATUS, status.get() == null ? Optional.of(Problem.REQUIRED) : Optional.empty());
        error(ENGINE, engines.isEmpty() ? Optional.empty() : GatewayValidator.engine(engine.get(), engines));
        boolean graph = transport.get() == Transport.GRAPH;
        error(SERVER, GatewayValidator.server(server.get(), active && !graph));
        error(TRANSPORT, graph && auth.get() != Authentication.OAUTH2 ? Optional.of(Problem.GRAPH_NEEDS_OAUTH) : Optional.empty());
        error(GRAPH_URL, GatewayValidator.graphUrl(graphUrl.get()));
        error(MAX_RECIPIENTS_PER_DAY, GatewayValidator.maxRecipientsPerDay(maxRecipientsPerDay.get()));
        oauth.check(problems, auth.get(), transport.get(), active);
        error(PORT, GatewayValidator.port(port.get()));
        error(SECURITY, security.get() == null ? Optional.of(Problem.REQUIRED) : Optional.empty());
        error(HELO, GatewayValidator.helo(helo.get()));
        error(AUTH, auth.get() == null ? Optional.of(Problem.REQUIRED) : Optional.empty());
        error(USERNAME, auth.get() == Authentication.OAUTH2 && Syntax.isBlank(username.get())
                ? Optional.of(Problem.USERNAME_REQUIRED) : GatewayValidator.username(username.get(), auth.get()));
        problems.set(PASSWORD, passwordProblem(active));
        error(FROM, GatewayValidator.from(from.get(), active));
        error(REPLY_TO, GatewayValidator.replyTo(replyTo.get()));
        error(DISPLAY_NAME, GatewayValidator.displayName(displayName.get()));
        error(CONNECT_TIMEOUT, GatewayValidator.timeout(connectTimeout.get()));
        error(READ_TIMEOUT, GatewayValidator.timeout(readTimeout.get()));
        error(MAX_PER_MINUTE, GatewayValidator.maxPerMinute(maxPerMinute.get()));
    }

    private FieldProblem passwordProblem(boolean active) {
        if (auth.get() == Authentication.PASSWORD && active && !passwordStored.get() && newPassword.get().isEmpty()) {
            return FieldProblem.error(PASSWORD, Problem.PASSWORD_REQUIRED);
        }
        if (clearTextChoice.get()) {
            // Saving credentials that travel in clear takes an explicit confirmation, then stays a warning.
            return clearTextConfirmed.get() ? FieldProblem.warning(PASSWORD, Problem.PASSWORD_IN_CLEAR)
                    : FieldProblem.error(PASSWORD, Problem.PASSWORD_IN_CLEAR);
        }
        return null;
    }

    private void error(String field, Optional<Problem> problem) {
        problems.set(field, problem.map(p -> FieldProblem.error(field, p)).orElse(null));
    }

    // --- properties ---

    /** Load, save, revert, their state and each field's problem (names of {@link io.cockpit.smtp.core.gateway.GatewayField}). */
    public FormModel<?> form() { return form; }
    public String gatewayName() { return gatewayName; }
    /**
     * An engine's specific gateway is sent by that engine alone (as {@code engine set} saves it): its engine field
     * shows the engine and cannot be changed. Only the portal's gateway chooses its engine.
     */
    public boolean engineFixed() { return !GatewayConfig.PORTAL.equals(gatewayName); }
    public ObjectProperty<GatewayStatus> statusProperty() { return status; }
    public StringProperty engineProperty() { return engine; }
    public ObservableList<String> engines() { return engines; }
    public StringProperty serverProperty() { return server; }
    public StringProperty portProperty() { return port; }
    public ObjectProperty<Security> securityProperty() { return security; }
    public StringProperty heloProperty() { return helo; }
    public ObjectProperty<Authentication> authProperty() { return auth; }
    public ObservableList<Authentication> authChoices() { return authChoices; }
    /** The user confirms that credentials may travel unencrypted (security none with authentication). */
    public BooleanProperty clearTextConfirmedProperty() { return clearTextConfirmed; }
    /** True while security none meets an authentication: the confirmation is asked for. */
    public BooleanBinding clearTextChoiceProperty() { return clearTextChoice; }
    public StringProperty usernameProperty() { return username; }
    public StringProperty newPasswordProperty() { return newPassword; }
    public StringProperty fromProperty() { return from; }
    public StringProperty replyToProperty() { return replyTo; }
    public StringProperty displayNameProperty() { return displayName; }
    public StringProperty connectTimeoutProperty() { return connectTimeout; }
    public StringProperty readTimeoutProperty() { return readTimeout; }
    public StringProperty maxPerMinuteProperty() { return maxPerMinute; }
    public StringProperty maxRecipientsPerDayProperty() { return maxRecipientsPerDay; }
    public ObjectProperty<Transport> transportProperty() { return transport; }
    public StringProperty graphUrlProperty() { return graphUrl; }
    public GatewayOAuthFields oauth() { return oauth; }
    public ObjectProperty<FormPart> shownPartProperty() { return shownPart; }
    /** The gateway as last loaded or saved; null before the first load. */
    public GatewayConfig stored() { return original; }
    public ObservableList<TrustedCertificate> trustedCertificates() { return trustedCertificates; }
    public ReadOnlyBooleanProperty passwordStoredProperty() { return passwordStored.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty preconfiguredProperty() { return preconfigured.getReadOnlyProperty(); }
}
