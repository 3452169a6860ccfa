package io.cockpit.smtp.core.transfer;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.oauth.OAuthEndpoints;
import io.cockpit.smtp.core.oauth.OAuthException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the stored secrets would go: the SMTP server (password, access token) and the token endpoint (client secret,
 * refresh token). An imported file that moves either, or turns encryption off, must not take the stored secrets
 * along: whoever wrote the file would receive them.
 */
final class SecretsDestination {
    private SecretsDestination() {
    }

    /** The fields whose change sends the secrets elsewhere: server, port, security (to none), oauth-token-url. */
    static List<String> changes(GatewayConfig before, GatewayConfig after) {
        List<String> out = new ArrayList<>();
        if (!host(before.server()).equals(host(after.server()))) {
            out.add(GatewayField.SERVER);
        }
        if (before.port() != after.port()) {
            out.add(GatewayField.PORT);
        }
        if (before.security() != Security.NONE && after.security() == Security.NONE) {
            out.add(GatewayField.SECURITY);
        }
        if (!Objects.equals(tokenEndpoint(before), tokenEndpoint(after))) {
            out.add(GatewayField.OAUTH_TOKEN_URL);
        }
        return out;
    }

    /** The secrets the gateway holds, by field name. */
    static List<String> held(GatewayConfig g) {
        List<String> out = new ArrayList<>();
        if (g.password() != null) {
            out.add(GatewayField.PASSWORD);
        }
        if (g.oauth().clientSecret() != null) {
            out.add(GatewayField.OAUTH_CLIENT_SECRET);
        }
        if (g.oauth().refreshToken() != null) {
            out.add(GatewayField.OAUTH_REFRESH_TOKEN);
        }
        return out;
    }

    static GatewayConfig without(GatewayConfig g) {
        GatewayConfig.OAuthSettings o = g.oauth();
        return g.toBuilder().password(null).oauth(new GatewayConfig.OAuthSettings(o.provider(), o.tenant(), o.clientId(),
                null, o.tokenUrl(), o.scope(), null)).build();
    }

    private static String host(String server) {
        return server == null ? "" : server.trim().toLowerCase(Locale.ROOT);
    }

    /** The token URL in use: the one given, else the provider's for the tenant; a configuration too incomplete to
     *  have one compares by its parts. */
    private static String tokenEndpoint(GatewayConfig g) {
        GatewayConfig.OAuthSettings o = g.oauth();
        try {
            return OAuthEndpoints.of(o).tokenUrl().toString();
        } catch (OAuthException | IllegalArgumentException e) {
            return o.provider() + "|" + o.tenant() + "|" + o.tokenUrl();
        }
    }
}
