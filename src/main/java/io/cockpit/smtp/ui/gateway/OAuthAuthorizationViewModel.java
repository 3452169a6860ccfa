package io.cockpit.smtp.ui.gateway;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.gateway.Transport;
import io.cockpit.smtp.core.oauth.DelegatedAuthorization;
import io.cockpit.smtp.core.oauth.GatewaySecrets;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.core.oauth.OAuthTokenService;
import io.cockpit.smtp.core.oauth.TokenHealth;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.FxEvents;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Autoriser" / "Réautoriser" and the token's health on the gateway form. Delegated grant: the system browser opens
 * on the provider's page and the console waits for the loopback redirect, as {@code gateway authorize} does; the
 * refresh token it gets is saved with the form at once (it is worth nothing unsaved). Application grant: a token is
 * asked for now with the client credentials on the screen, to show it works. Either runs in the background, shows
 * progress and can be cancelled.
 */
public final class OAuthAuthorizationViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthAuthorizationViewModel.class);
    /** How long the user has to sign in at the provider. */
    static final Duration SIGN_IN_TIME = Duration.ofMinutes(5);

    public enum State { IDLE, RUNNING, DONE, FAILED, CANCELLED, INVALID }

    private final GatewayService gateways;
    private final OAuthTokenService tokens;
    private final GatewaySecrets secrets;
    private final BackgroundRunner runner;
    private final GatewayViewModel form;
    private final Consumer<URI> browser;
    private final Consumer<String> showUrl;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<TokenHealth> health = new ReadOnlyObjectWrapper<>(this, "health");
    private final ReadOnlyObjectWrapper<OAuthException> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyStringWrapper authorizationUrl = new ReadOnlyStringWrapper(this, "authorizationUrl", "");
    private final BooleanBinding running = state.isEqualTo(State.RUNNING);
    private Future<?> work;

    /**
     * @param browser opens a URL in the system browser (the console: the desktop's; tests: an HTTP client that follows
     *                it as a browser would); called off the FX thread
     */
    public OAuthAuthorizationViewModel(GatewayService gateways, OAuthTokenService tokens, GatewaySecrets secrets,
                                       BackgroundRunner runner, FxEvents events, GatewayViewModel form,
                                       Consumer<URI> browser) {
        this.gateways = gateways;
        this.tokens = tokens;
        this.secrets = secrets;
        this.runner = runner;
        this.form = form;
        this.browser = browser;
        this.showUrl = events.deliver(authorizationUrl::set);
        form.form().loadedProperty().addListener((o, old, now) -> refreshHealth());
        form.form().dirtyProperty().addListener((o, old, now) -> refreshHealth());
    }

    /** The health of the stored gateway's token, as far as this process knows it (no request). */
    public void refreshHealth() {
        GatewayConfig stored = form.stored();
        health.set(stored == null ? null : tokens.health(stored));
    }

    /** Autoriser (delegated) or get a token now (application), with the values on the screen. */
    public void authorize() {
        if (state.get() == State.RUNNING) {
            return;
        }
        GatewayViewModel.Draft draft = form.draft();
        failure.set(null);
        authorizationUrl.set("");
        if (draft == null) {
            state.set(State.INVALID);
            return;
        }
        boolean delegated = form.oauth().grantProperty().get() == OAuthGrant.DELEGATED;
        state.set(State.RUNNING);
        work = runner.run(() -> delegated ? delegated(draft) : application(draft))
                .onSuccess(g -> {
                    health.set(tokens.health(g));
                    state.set(State.DONE);
                    if (delegated) {
                        form.form().load(); // the refresh token was saved with the form: show what the store holds
                    }
                })
                .onError(this::failed)
                .andFinally(() -> work = null);
    }

    private GatewayConfig delegated(GatewayViewModel.Draft draft) throws Exception {
        GatewayConfig g = draft.sealed(gateways);
        try (DelegatedAuthorization auth = DelegatedAuthorization.begin(g, gateways, tokens)) {
            URI url = auth.url();
            showUrl.accept(url.toString());
            browser.accept(url);
            GatewayConfig authorized = auth.await(SIGN_IN_TIME);
            return gateways.save(authorized);
        }
    }

    private GatewayConfig application(GatewayViewModel.Draft draft) throws Exception {
        GatewayConfig g = draft.sealed(gateways);
        if (g.transport() == Transport.GRAPH) {
            secrets.graphToken(g);
        } else {
            tokens.accessToken(g);
        }
        return g;
    }

    /** Stops waiting for the browser (or the provider): the loopback redirect closes, nothing is saved. */
    public void cancel() {
        Future<?> w = work;
        if (w != null) {
            w.cancel(true);
        }
        if (state.get() == State.RUNNING) {
            state.set(State.CANCELLED);
        }
    }

    private void failed(Throwable e) {
        if (state.get() == State.CANCELLED || e instanceof InterruptedException
                || e instanceof java.util.concurrent.CancellationException) {
            state.set(State.CANCELLED);
            return;
        }
        if (e instanceof OAuthException o) {
            failure.set(o);
            GatewayConfig stored = form.stored();
            if (stored != null) {
                health.set(tokens.health(stored));
            }
        } else {
            LOG.warn("the OAuth authorization failed: {}", e.toString());
        }
        state.set(State.FAILED);
    }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TokenHealth> healthProperty() { return health.getReadOnlyProperty(); }
    /** Why the last attempt failed, when the provider or the token service said so. */
    public ReadOnlyObjectProperty<OAuthException> failureProperty() { return failure.getReadOnlyProperty(); }
    /** The provider's page, shown while waiting in case the browser did not open. */
    public ReadOnlyStringProperty authorizationUrlProperty() { return authorizationUrl.getReadOnlyProperty(); }
    public BooleanBinding runningProperty() { return running; }
}
