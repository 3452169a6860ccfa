package io.cockpit.smtp.ui.gateway;

import static io.cockpit.smtp.core.gateway.GatewayField.*;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.GatewayValidator;
import io.cockpit.smtp.core.gateway.Preset;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.gateway.TrustedCertificate;
import io.cockpit.smtp.core.store.SealedSecret;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.SaveFailure;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway form's state: an edit buffer of text and choices loaded from a {@link GatewayConfig} and turned back
 * into one on save, each field's problem as the user types (the core's {@link GatewayValidator}), and the commands
 * save, revert, reload, remove password and apply preset. One view model per gateway name: the portal's gateway and
 * engines' specific gateways share this class.
 */
public final class GatewayViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayViewModel.class);

    /** What the form says above its fields after a load or save; the words are {@code gateway.notice.<KIND>}. */
    public enum Notice { SAVED, CONFLICT, INVALID, LOAD_FAILED, SAVE_FAILED }

    private static final List<String> FIELDS = List.of(STATUS, ENGINE, SERVER, PORT, SECURITY, HELO, AUTH, USERNAME,
            PASSWORD, FROM, REPLY_TO, DISPLAY_NAME, CONNECT_TIMEOUT, READ_TIMEOUT, MAX_PER_MINUTE);

    private final GatewayService service;
    private final BackgroundRunner runner;
    private final String gatewayName;

    private final ObjectProperty<GatewayStatus> status = new SimpleObjectProperty<>(this, STATUS);
    private final StringProperty engine = new SimpleStringProperty(this, ENGINE, "");
    private final ObservableList<String> engines = FXCollections.observableArrayList();
    private final StringProperty server = new SimpleStringProperty(this, SERVER, "");
    private final StringProperty port = new SimpleStringProperty(this, PORT, "");
    private final ObjectProperty<Security> security = new SimpleObjectProperty<>(this, SECURITY);
    private final StringProperty helo = new SimpleStringProperty(this, HELO, "");
    private final ObjectProperty<Authentication> auth = new SimpleObjectProperty<>(this, AUTH);
    private final ObservableList<Authentication> authChoices =
            FXCollections.observableArrayList(Authentication.NONE, Authentication.PASSWORD);
    private final StringProperty username = new SimpleStringProperty(this, USERNAME, "");
    /** What the user typed in the password field; empty means "keep the stored one". Never filled from the store. */
    private final StringProperty newPassword = new SimpleStringProperty(this, PASSWORD, "");
    private final StringProperty from = new SimpleStringProperty(this, FROM, "");
    private final StringProperty replyTo = new SimpleStringProperty(this, REPLY_TO, "");
    private final StringProperty displayName = new SimpleStringProperty(this, DISPLAY_NAME, "");
    private final StringProperty connectTimeout = new SimpleStringProperty(this, CONNECT_TIMEOUT, "");
    private final StringProperty readTimeout = new SimpleStringProperty(this, READ_TIMEOUT, "");
    private final StringProperty maxPerMinute = new SimpleStringProperty(this, MAX_PER_MINUTE, "");
    /** The pinned certificates in the edit buffer ("Faire confiance à ce certificat" adds one, saved with the rest). */
    private final ObservableList<TrustedCertificate> trustedCertificates = FXCollections.observableArrayList();

    private final ReadOnlyBooleanWrapper passwordStored = new ReadOnlyBooleanWrapper(this, "passwordStored");
    private final ReadOnlyBooleanWrapper preconfigured = new ReadOnlyBooleanWrapper(this, "preconfigured");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final Map<String, ReadOnlyObjectWrapper<FieldProblem>> problems = new LinkedHashMap<>();
    private final BooleanBinding canSave = Bindings.createBooleanBinding(
            () -> loaded.get() && dirty.get() && valid.get() && !busy.get(), loaded, dirty, valid, busy);

    private GatewayConfig original;
    private List<Object> snapshot = List.of();
    private boolean passwordRemoved;
    private boolean applying;

    public GatewayViewModel(GatewayService service, BackgroundRunner runner, String gatewayName) {
        this.service = service;
        this.runner = runner;
        this.gatewayName = gatewayName;
        FIELDS.forEach(f -> problems.put(f, new ReadOnlyObjectWrapper<>(this, f)));
        for (Observable o : List.of(status, engine, server, port, security, helo, auth, username, newPassword, from,
                replyTo, displayName, connectTimeout, readTimeout, maxPerMinute, trustedCertificates)) {
            o.addListener(x -> recheck());
        }
        security.addListener((o, old, now) -> portFollows(old, now));
    }

    // --- commands ---

    /** Loads the stored gateway (the preset or the defaults when none is stored), dropping any edit. */
    public void load() {
        busy.set(true);
        notice.set(null);
        runner.run(() -> new Loaded(service.load(gatewayName), service.engineNames()))
                .onSuccess(l -> {
                    engines.setAll(l.engines());
                    apply(l.config());
                    loaded.set(true);
                })
                .onError(e -> {
                    LOG.warn("gateway '{}' could not be loaded: {}", gatewayName, e.toString());
                    notice.set(Notice.LOAD_FAILED);
                })
                .andFinally(() -> busy.set(false));
    }

    /** Loads once: a view reloaded (language switch) finds its edits where they were. */
    public void loadIfNeeded() {
        if (!loaded.get() && !busy.get()) {
            load();
        }
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        char[] typed = newPassword.get().isEmpty() ? null : newPassword.get().toCharArray();
        GatewayConfig draft = toConfig(passwordRemoved ? null : original.password());
        busy.set(true);
        notice.set(null);
        runner.run(() -> service.save(typed == null ? draft : draft.toBuilder().password(seal(typed)).build()))
                .onSuccess(saved -> {
                    apply(saved);
                    notice.set(Notice.SAVED);
                })
                .onError(this::saveFailed)
                .andFinally(() -> busy.set(false));
    }

    private SealedSecret seal(char[] typed) {
        try {
            return service.sealPassword(gatewayName, typed);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    private void saveFailed(Throwable e) {
        switch (SaveFailure.of(e, problems)) {
            case CONFLICT -> notice.set(Notice.CONFLICT);
            case INVALID -> {
                valid.set(false);
                notice.set(Notice.INVALID);
            }
            case FAILED -> {
                LOG.warn("gateway '{}' could not be saved: {}", gatewayName, e.toString());
                notice.set(Notice.SAVE_FAILED);
            }
        }
    }

    /** Puts back what was loaded. */
    public void revert() {
        if (original != null) {
            apply(original);
            notice.set(null);
        }
    }

    /** The stored password will be removed at the next save. */
    public void removePassword() {
        passwordRemoved = true;
        newPassword.set("");
        passwordStored.set(false);
        recheck();
    }

    /** Fills server (when the preset names one), port, security and authentication; the other fields are kept. */
    public void applyPreset(Preset preset) {
        GatewayConfig filled = preset.applyTo(GatewayConfig.defaults(gatewayName));
        if (filled.server() != null) {
            server.set(filled.server());
        }
        security.set(filled.security());
        port.set(String.valueOf(filled.port()));
        auth.set(filled.auth());
    }

    // --- state ---

    private record Loaded(GatewayConfig config, List<String> engines) {
    }

    private void apply(GatewayConfig c) {
        applying = true;
        try {
            original = c;
            if (c.auth() != null && !authChoices.contains(c.auth())) {
                authChoices.add(c.auth());
            }
            if (c.engine() != null && !engines.contains(c.engine())) {
                engines.add(c.engine());
            }
            status.set(c.status());
            engine.set(text(c.engine()));
            server.set(text(c.server()));
            security.set(c.security());
            port.set(String.valueOf(c.port()));
            helo.set(text(c.helo()));
            auth.set(c.auth());
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
            preconfigured.set(c.preconfigured());
            trustedCertificates.setAll(c.trustedCertificates());
        } finally {
            applying = false;
        }
        snapshot = editState();
        recheck();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private List<Object> editState() {
        return Arrays.asList(status.get(), engine.get(), server.get(), port.get(), security.get(), helo.get(), auth.get(),
                username.get(), newPassword.get().isEmpty(), passwordRemoved, from.get(), replyTo.get(),
                displayName.get(), connectTimeout.get(), readTimeout.get(), maxPerMinute.get(),
                List.copyOf(trustedCertificates));
    }

    private void portFollows(Security old, Security now) {
        if (applying || old == null || now == null) {
            return;
        }
        Syntax.parseInt(port.get()).ifPresent(p -> port.set(String.valueOf(now.portAfterSwitchFrom(old, p))));
    }

    private void recheck() {
        if (applying) {
            return;
        }
        boolean active = status.get() == GatewayStatus.ACTIVE;
        error(STATUS, status.get() == null ? Optional.of(Problem.REQUIRED) : Optional.empty());
        error(ENGINE, engines.isEmpty() ? Optional.empty() : GatewayValidator.engine(engine.get(), engines));
        error(SERVER, GatewayValidator.server(server.get(), active));
        error(PORT, GatewayValidator.port(port.get()));
        error(SECURITY, security.get() == null ? Optional.of(Problem.REQUIRED) : Optional.empty());
        error(HELO, GatewayValidator.helo(helo.get()));
        error(AUTH, auth.get() == null ? Optional.of(Problem.REQUIRED) : Optional.empty());
        error(USERNAME, GatewayValidator.username(username.get(), auth.get()));
        problems.get(PASSWORD).set(passwordProblem(active));
        error(FROM, GatewayValidator.from(from.get(), active));
        error(REPLY_TO, GatewayValidator.replyTo(replyTo.get()));
        error(DISPLAY_NAME, GatewayValidator.displayName(displayName.get()));
        error(CONNECT_TIMEOUT, GatewayValidator.timeout(connectTimeout.get()));
        error(READ_TIMEOUT, GatewayValidator.timeout(readTimeout.get()));
        error(MAX_PER_MINUTE, GatewayValidator.maxPerMinute(maxPerMinute.get()));
        valid.set(problems.values().stream().allMatch(p -> p.get() == null || !p.get().isError()));
        dirty.set(original != null && !editState().equals(snapshot));
        if (dirty.get() && notice.get() == Notice.SAVED) {
            notice.set(null);
        }
    }

    private FieldProblem passwordProblem(boolean active) {
        if (auth.get() == Authentication.PASSWORD && active && !passwordStored.get() && newPassword.get().isEmpty()) {
            return FieldProblem.error(PASSWORD, Problem.PASSWORD_REQUIRED);
        }
        if (auth.get() != null && auth.get() != Authentication.NONE && security.get() == Security.NONE) {
            return FieldProblem.warning(PASSWORD, Problem.PASSWORD_IN_CLEAR);
        }
        return null;
    }

    private void error(String field, Optional<Problem> problem) {
        problems.get(field).set(problem.map(p -> FieldProblem.error(field, p)).orElse(null));
    }

    /** The edit buffer as a record; call only when {@link #validProperty()} holds. */
    GatewayConfig toConfig(SealedSecret password) {
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
                .trustedCertificates(List.copyOf(trustedCertificates))
                .build();
    }

    /**
     * The values on the screen as they are, saved or not, for "Tester la connexion"; null while the gateway is not
     * loaded or a field is invalid. A typed password comes as characters, to be sealed off the FX thread.
     */
    public record Draft(GatewayConfig config, char[] typedPassword) {
    }

    public Draft draft() {
        if (original == null || !valid.get()) {
            return null;
        }
        char[] typed = newPassword.get().isEmpty() ? null : newPassword.get().toCharArray();
        return new Draft(toConfig(passwordRemoved ? null : original.password()), typed);
    }

    /** Pins a certificate into the edit buffer (not saved until Save). Pinning the same one twice adds nothing. */
    public void trustCertificate(TrustedCertificate certificate) {
        if (trustedCertificates.stream().noneMatch(t -> t.fingerprint().equals(certificate.fingerprint()))) {
            trustedCertificates.add(certificate);
        }
    }

    public ObservableList<TrustedCertificate> trustedCertificates() {
        return trustedCertificates;
    }

    // --- properties ---

    public String gatewayName() { return gatewayName; }
    public ObjectProperty<GatewayStatus> statusProperty() { return status; }
    public StringProperty engineProperty() { return engine; }
    public ObservableList<String> engines() { return engines; }
    public StringProperty serverProperty() { return server; }
    public StringProperty portProperty() { return port; }
    public ObjectProperty<Security> securityProperty() { return security; }
    public StringProperty heloProperty() { return helo; }
    public ObjectProperty<Authentication> authProperty() { return auth; }
    public ObservableList<Authentication> authChoices() { return authChoices; }
    public StringProperty usernameProperty() { return username; }
    public StringProperty newPasswordProperty() { return newPassword; }
    public StringProperty fromProperty() { return from; }
    public StringProperty replyToProperty() { return replyTo; }
    public StringProperty displayNameProperty() { return displayName; }
    public StringProperty connectTimeoutProperty() { return connectTimeout; }
    public StringProperty readTimeoutProperty() { return readTimeout; }
    public StringProperty maxPerMinuteProperty() { return maxPerMinute; }
    public ReadOnlyBooleanProperty passwordStoredProperty() { return passwordStored.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty preconfiguredProperty() { return preconfigured.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public BooleanBinding canSaveProperty() { return canSave; }

    /** The problem of one field (names of {@link io.cockpit.smtp.core.gateway.GatewayField}); null when it is fine. */
    public ReadOnlyObjectProperty<FieldProblem> problemProperty(String field) {
        return problems.get(field).getReadOnlyProperty();
    }
}
