package io.cockpit.smtp.ui.gateway;

import static io.cockpit.smtp.core.gateway.GatewayField.*;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.core.oauth.TokenHealth;
import io.cockpit.smtp.ui.common.FieldDecoration;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.Shown;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/**
 * Binds the OAuth 2.0 part of the gateway form (its nodes found by id under the form) to the form's
 * {@link GatewayOAuthFields} and to {@link OAuthAuthorizationViewModel}: kept apart from {@link GatewayController} so
 * that each stays one screenful. Binding only, no rule.
 */
final class OAuthSection {
    private final GatewayViewModel vm;
    private final OAuthAuthorizationViewModel authorization;
    private final I18n i18n;
    private final FieldDecoration decoration;
    private Node form;

    OAuthSection(GatewayViewModel vm, OAuthAuthorizationViewModel authorization, I18n i18n, FieldDecoration decoration) {
        this.vm = vm;
        this.authorization = authorization;
        this.i18n = i18n;
        this.decoration = decoration;
    }

    @SuppressWarnings("unchecked")
    private <T> T node(String id) {
        return (T) form.lookup("#" + id);
    }

    void bind(Node formRoot) {
        this.form = formRoot;
        GatewayOAuthFields o = vm.oauth();
        Shown.when(node("oauthBox"), vm.authProperty().isEqualTo(Authentication.OAUTH2));
        ComboBox<OAuthProvider> provider = node("providerBox");
        provider.getItems().setAll(OAuthProvider.values());
        provider.setConverter(i18n.converter("oauth.provider"));
        provider.valueProperty().bindBidirectional(o.providerProperty());
        decorate(provider, OAUTH_PROVIDER, "providerMessage");
        ComboBox<OAuthGrant> grant = node("grantBox");
        grant.getItems().setAll(OAuthGrant.values());
        grant.setConverter(i18n.converter("oauth.grant"));
        grant.valueProperty().bindBidirectional(o.grantProperty());
        text(node("tenantField"), o.tenantProperty(), OAUTH_TENANT, "tenantMessage");
        ((TextField) node("tenantField")).disableProperty().bind(o.providerProperty().isNotEqualTo(OAuthProvider.MICROSOFT));
        text(node("clientIdField"), o.clientIdProperty(), OAUTH_CLIENT_ID, "clientIdMessage");
        PasswordField secret = node("clientSecretField");
        text(secret, o.newClientSecretProperty(), OAUTH_CLIENT_SECRET, "clientSecretMessage");
        secret.promptTextProperty().bind(Bindings.when(o.clientSecretStoredProperty())
                .then(i18n.get("gateway.oauth.clientSecret.stored")).otherwise(i18n.get("gateway.oauth.clientSecret.none")));
        Button remove = node("removeClientSecretButton");
        remove.disableProperty().bind(o.clientSecretStoredProperty().not());
        remove.setOnAction(e -> vm.removeClientSecret());
        TextField tokenUrl = node("tokenUrlField");
        text(tokenUrl, o.tokenUrlProperty(), OAUTH_TOKEN_URL, "tokenUrlMessage");
        tokenUrl.promptTextProperty().bind(o.presetTokenUrl());
        TextField scope = node("scopeField");
        text(scope, o.scopeProperty(), OAUTH_SCOPE, "scopeMessage");
        scope.promptTextProperty().bind(o.presetScope());
        // Graph always asks for {graphUrl}/.default: a scope typed for SMTP would not be used.
        scope.disableProperty().bind(vm.transportProperty().isEqualTo(io.cockpit.smtp.core.gateway.Transport.GRAPH));
        bindAuthorization();
    }

    private void bindAuthorization() {
        Button authorize = node("authorizeButton");
        authorize.textProperty().bind(Bindings.createStringBinding(() -> vm.oauth().grantProperty().get() == OAuthGrant.APPLICATION
                        ? i18n.get("gateway.oauth.getToken") : vm.oauth().refreshTokenStoredProperty().get()
                        ? i18n.get("gateway.oauth.reauthorize") : i18n.get("gateway.oauth.authorize"),
                vm.oauth().grantProperty(), vm.oauth().refreshTokenStoredProperty()));
        authorize.disableProperty().bind(authorization.runningProperty());
        authorize.setOnAction(e -> authorization.authorize());
        ProgressIndicator busy = node("authorizeBusy");
        Shown.when(busy, authorization.runningProperty());
        Button cancel = node("cancelAuthorizeButton");
        Shown.when(cancel, authorization.runningProperty());
        cancel.setOnAction(e -> authorization.cancel());
        Label status = node("authorizeStatus");
        status.textProperty().bind(Bindings.createStringBinding(this::statusText, authorization.stateProperty(),
                authorization.failureProperty(), authorization.authorizationUrlProperty()));
        Shown.when(status, status.textProperty().isNotEmpty());
        Label health = node("tokenHealthLabel");
        health.textProperty().bind(Bindings.createStringBinding(this::healthText, authorization.healthProperty()));
        Label refusal = node("tokenRefusalLabel");
        refusal.textProperty().bind(Bindings.createStringBinding(this::refusalText, authorization.healthProperty()));
        Shown.when(refusal, refusal.textProperty().isNotEmpty());
    }

    private String statusText() {
        OAuthException f = authorization.failureProperty().get();
        return switch (authorization.stateProperty().get()) {
            case RUNNING -> vm.oauth().grantProperty().get() == OAuthGrant.DELEGATED
                    ? i18n.get("gateway.oauth.state.waiting", authorization.authorizationUrlProperty().get())
                    : i18n.get("gateway.oauth.state.asking");
            case DONE -> i18n.get("gateway.oauth.state.done");
            case CANCELLED -> i18n.get("gateway.oauth.state.cancelled");
            case INVALID -> i18n.get("gateway.oauth.state.invalid");
            case FAILED -> f == null ? i18n.get("gateway.oauth.state.error")
                    : i18n.get("gateway.oauth.state.failed", i18n.of("diagnosis.oauth", f.reason()),
                    f.refusal() == null ? "" : i18n.of("oauth.refusal", f.refusal()), String.valueOf(f.getMessage()));
            case IDLE -> "";
        };
    }

    private String healthText() {
        TokenHealth h = authorization.healthProperty().get();
        if (h == null) {
            return "";
        }
        String state = i18n.of("oauth.health", h.state());
        if (h.expiresAt() != null) {
            state = i18n.get("gateway.oauth.health.validUntil", state, i18n.dateTime(h.expiresAt()));
        }
        return h.lastRefresh() == null ? state
                : i18n.get("gateway.oauth.health.lastRefresh", state, i18n.dateTime(h.lastRefresh()));
    }

    private String refusalText() {
        TokenHealth h = authorization.healthProperty().get();
        return h == null || h.refusal() == null ? ""
                : i18n.get("gateway.oauth.health.refused", i18n.of("oauth.refusal", h.refusal()), h.refusalWords());
    }

    private void text(javafx.scene.control.TextInputControl field, javafx.beans.property.StringProperty p, String name,
                      String messageId) {
        field.textProperty().bindBidirectional(p);
        decorate(field, name, messageId);
    }

    private void decorate(Control control, String name, String messageId) {
        decoration.bind(control, node(messageId), vm.form().problems().property(name));
    }
}
