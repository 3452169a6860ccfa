package io.cockpit.smtp.ui.gateway;

import static io.cockpit.smtp.core.gateway.GatewayField.*;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.core.gateway.Transport;
import io.cockpit.smtp.core.oauth.OAuthEndpoints;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.core.store.SealedSecret;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.ui.common.FieldProblems;
import java.util.Arrays;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The OAuth 2.0 part of the gateway form's edit buffer: provider, tenant, client id, a client secret typed (never
 * shown back: the field only says whether one is stored), token URL and scope (empty: the provider's, shown as the
 * field's prompt), and the grant. Part of {@link GatewayViewModel}, which owns loading and saving.
 */
public final class GatewayOAuthFields {
    private final ObjectProperty<OAuthProvider> provider = new SimpleObjectProperty<>(this, OAUTH_PROVIDER);
    private final StringProperty tenant = new SimpleStringProperty(this, OAUTH_TENANT, "");
    private final StringProperty clientId = new SimpleStringProperty(this, OAUTH_CLIENT_ID, "");
    /** What the user typed; empty means "keep the stored one". Never filled from the store. */
    private final StringProperty newClientSecret = new SimpleStringProperty(this, OAUTH_CLIENT_SECRET, "");
    private final StringProperty tokenUrl = new SimpleStringProperty(this, OAUTH_TOKEN_URL, "");
    private final StringProperty scope = new SimpleStringProperty(this, OAUTH_SCOPE, "");
    private final ObjectProperty<OAuthGrant> grant = new SimpleObjectProperty<>(this, "grant", OAuthGrant.APPLICATION);
    private final ReadOnlyBooleanWrapper clientSecretStored = new ReadOnlyBooleanWrapper(this, "clientSecretStored");
    private final ReadOnlyBooleanWrapper refreshTokenStored = new ReadOnlyBooleanWrapper(this, "refreshTokenStored");
    private final ObservableValue<Transport> transport;
    private final ObservableValue<String> graphUrl;
    private final StringBinding presetTokenUrl;
    private final StringBinding presetScope;
    private boolean clientSecretRemoved;

    /** @param transport and {@code graphUrl}: Graph takes its own scope, {@code {graphUrl}/.default} */
    GatewayOAuthFields(ObservableValue<Transport> transport, ObservableValue<String> graphUrl) {
        this.transport = transport;
        this.graphUrl = graphUrl;
        this.presetTokenUrl = Bindings.createStringBinding(() -> preset(true), provider, tenant, grant);
        this.presetScope = Bindings.createStringBinding(() -> preset(false), provider, tenant, grant, transport, graphUrl);
    }

    List<Observable> observables() {
        return List.of(provider, tenant, clientId, newClientSecret, tokenUrl, scope, grant);
    }

    void show(GatewayConfig c) {
        GatewayConfig.OAuthSettings o = c.oauth();
        provider.set(o.provider());
        tenant.set(text(o.tenant()));
        clientId.set(text(o.clientId()));
        newClientSecret.set("");
        clientSecretRemoved = false;
        clientSecretStored.set(o.clientSecret() != null);
        refreshTokenStored.set(o.refreshToken() != null);
        tokenUrl.set(text(o.tokenUrl()));
        scope.set(text(o.scope()));
        grant.set(o.refreshToken() != null ? OAuthGrant.DELEGATED : OAuthGrant.APPLICATION);
    }

    List<Object> editState() {
        return Arrays.asList(provider.get(), tenant.get(), clientId.get(), newClientSecret.get().isEmpty(),
                clientSecretRemoved, tokenUrl.get(), scope.get(), grant.get());
    }

    /**
     * The settings in the buffer over the stored ones: the client secret kept unless removed (a typed one is sealed
     * with the save), the refresh token dropped when the grant is the application's (it would be used first).
     */
    GatewayConfig.OAuthSettings settings(GatewayConfig.OAuthSettings stored) {
        SealedSecret secret = clientSecretRemoved ? null : stored.clientSecret();
        SealedSecret refresh = grant.get() == OAuthGrant.APPLICATION ? null : stored.refreshToken();
        return new GatewayConfig.OAuthSettings(provider.get(), blankToNull(tenant.get()), blankToNull(clientId.get()),
                secret, blankToNull(tokenUrl.get()), blankToNull(scope.get()), refresh);
    }

    /** The typed client secret as characters (to be sealed off the FX thread), or null. */
    char[] typedClientSecret() {
        return newClientSecret.get().isEmpty() ? null : newClientSecret.get().toCharArray();
    }

    /** The stored client secret will be removed at the next save. */
    public void removeClientSecret() {
        clientSecretRemoved = true;
        newClientSecret.set("");
        clientSecretStored.set(false);
    }

    /** Each OAuth field's problem, only while the gateway authenticates with OAuth 2.0. */
    void check(FieldProblems problems, Authentication auth, Transport transport, boolean active) {
        boolean on = auth == Authentication.OAUTH2;
        problems.set(OAUTH_PROVIDER, on && provider.get() == null ? FieldProblem.error(OAUTH_PROVIDER, Problem.OAUTH_FIELD_REQUIRED)
                : on && transport == Transport.GRAPH && provider.get() != OAuthProvider.MICROSOFT
                ? FieldProblem.error(OAUTH_PROVIDER, Problem.GRAPH_NEEDS_MICROSOFT) : null);
        problems.set(OAUTH_CLIENT_ID, !on ? null : Syntax.isBlank(clientId.get())
                ? FieldProblem.error(OAUTH_CLIENT_ID, Problem.OAUTH_FIELD_REQUIRED)
                : Syntax.singleLine(clientId.get(), 255).map(p -> FieldProblem.error(OAUTH_CLIENT_ID, p)).orElse(null));
        problems.set(OAUTH_TENANT, !on ? null
                : Syntax.singleLine(tenant.get(), 255).map(p -> FieldProblem.error(OAUTH_TENANT, p)).orElse(null));
        problems.set(OAUTH_SCOPE, !on ? null
                : Syntax.singleLine(scope.get(), 1024).map(p -> FieldProblem.error(OAUTH_SCOPE, p)).orElse(null));
        FieldProblem url = null;
        if (on && provider.get() == OAuthProvider.CUSTOM && Syntax.isBlank(tokenUrl.get())) {
            url = FieldProblem.error(OAUTH_TOKEN_URL, Problem.OAUTH_FIELD_REQUIRED);
        } else if (on && !Syntax.isBlank(tokenUrl.get())) {
            url = Syntax.httpUrl(tokenUrl.get()).map(p -> FieldProblem.error(OAUTH_TOKEN_URL, p)).orElse(null);
        }
        problems.set(OAUTH_TOKEN_URL, url);
        boolean secretNeeded = on && active && (grant.get() == OAuthGrant.APPLICATION || transport == Transport.GRAPH);
        problems.set(OAUTH_CLIENT_SECRET, secretNeeded && !clientSecretStored.get() && newClientSecret.get().isEmpty()
                ? FieldProblem.error(OAUTH_CLIENT_SECRET, Problem.CLIENT_SECRET_REQUIRED) : null);
    }

    /** The provider's token URL or scope for the grant, shown as the empty field's prompt. */
    private String preset(boolean url) {
        if (!url && transport.getValue() == Transport.GRAPH) {
            String g = graphUrl.getValue() == null || graphUrl.getValue().isBlank() ? Transport.DEFAULT_GRAPH_URL
                    : graphUrl.getValue().trim();
            return (g.endsWith("/") ? g.substring(0, g.length() - 1) : g) + "/.default";
        }
        if (provider.get() == null || provider.get() == OAuthProvider.CUSTOM) {
            return "";
        }
        GatewayConfig.OAuthSettings s = new GatewayConfig.OAuthSettings(provider.get(), blankToNull(tenant.get()),
                null, null, null, null, null);
        try {
            OAuthEndpoints e = OAuthEndpoints.of(s);
            String v = url ? e.tokenUrl().toString() : e.scope(s, grant.get() == OAuthGrant.DELEGATED);
            return v == null ? "" : v;
        } catch (OAuthException | IllegalArgumentException e) {
            return "";
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public ObjectProperty<OAuthProvider> providerProperty() { return provider; }
    public StringProperty tenantProperty() { return tenant; }
    public StringProperty clientIdProperty() { return clientId; }
    public StringProperty newClientSecretProperty() { return newClientSecret; }
    public StringProperty tokenUrlProperty() { return tokenUrl; }
    public StringProperty scopeProperty() { return scope; }
    public ObjectProperty<OAuthGrant> grantProperty() { return grant; }
    public ReadOnlyBooleanProperty clientSecretStoredProperty() { return clientSecretStored.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty refreshTokenStoredProperty() { return refreshTokenStored.getReadOnlyProperty(); }
    /** The provider's token URL for the tenant ("" for a custom provider). */
    public StringBinding presetTokenUrl() { return presetTokenUrl; }
    /** The provider's scope for the grant. */
    public StringBinding presetScope() { return presetScope; }
}
