package io.cockpit.smtp.core.oauth;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.store.SecretUnavailableException;

/**
 * The secret a gateway authenticates with, in plain chars, for the mail code only: the password, or for OAuth 2.0 a
 * fresh access token (SASL XOAUTH2 sends it in the password's place). The caller clears the array after use.
 */
public final class GatewaySecrets {
    private final GatewayService gateways;
    private final OAuthTokenService tokens;

    public GatewaySecrets(GatewayService gateways, OAuthTokenService tokens) {
        this.gateways = gateways;
        this.tokens = tokens;
    }

    /** Null when the gateway does not authenticate, or authenticates by password and none is set. */
    public char[] secretFor(GatewayConfig g) throws SecretUnavailableException, OAuthException, InterruptedException {
        return switch (g.auth()) {
            case NONE -> null;
            case PASSWORD -> g.password() == null ? null : gateways.openPassword(g);
            case OAUTH2 -> tokens.accessToken(g).value().toCharArray();
        };
    }

    /**
     * The application token Microsoft Graph takes: the client-credentials grant of the gateway's Microsoft client for
     * the Graph endpoint's scope ({@code {graphUrl}/.default}), whatever scope or refresh token SMTP uses.
     */
    public AccessToken graphToken(GatewayConfig g) throws SecretUnavailableException, OAuthException, InterruptedException {
        return tokens.accessToken(forGraph(g));
    }

    static GatewayConfig forGraph(GatewayConfig g) {
        GatewayConfig.OAuthSettings o = g.oauth();
        String url = g.effectiveGraphUrl();
        String scope = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/.default";
        return g.toBuilder().oauth(new GatewayConfig.OAuthSettings(o.provider(), o.tenant(), o.clientId(), o.clientSecret(),
                o.tokenUrl(), scope, null)).build();
    }

    /**
     * The mail server refused the token with a reply that says why (Microsoft's 5.7.139: SMTP AUTH disabled for the
     * mailbox): the token's health says so.
     */
    public void serverRefused(GatewayConfig g, String reply) {
        ProviderRefusal r = ProviderRefusal.ofSmtpReply(reply);
        if (r != null) {
            tokens.serverRefused(g, r, reply);
        }
    }

    /** After the server refused a token: the next attempt asks the provider for a new one. */
    public void refused(GatewayConfig g) {
        tokens.forget(g.name());
    }
}
