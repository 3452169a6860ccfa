package io.cockpit.smtp.core.oauth;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a provider's token and authorization endpoints are, and the scope SMTP needs there. */
public record OAuthEndpoints(URI tokenUrl, URI authorizeUrl, String applicationScope, String delegatedScope) {

    /** The endpoints for a gateway's settings; an explicit token URL always wins. */
    public static OAuthEndpoints of(GatewayConfig.OAuthSettings s) throws OAuthException {
        OAuthProvider p = s.provider();
        if (p == null) {
            throw new OAuthException(OAuthException.Reason.NOT_CONFIGURED, "no OAuth provider is configured");
        }
        OAuthEndpoints base = switch (p) {
            case MICROSOFT -> {
                String tenant = s.tenant() == null || s.tenant().isBlank() ? "organizations"
                        : URLEncoder.encode(s.tenant().trim(), StandardCharsets.UTF_8);
                String root = "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/";
                yield new OAuthEndpoints(URI.create(root + "token"), URI.create(root + "authorize"),
                        "https://outlook.office365.com/.default", "https://outlook.office.com/SMTP.Send offline_access");
            }
            case GOOGLE -> new OAuthEndpoints(URI.create("https://oauth2.googleapis.com/token"),
                    URI.create("https://accounts.google.com/o/oauth2/v2/auth"), null, "https://mail.google.com/");
            case CUSTOM -> new OAuthEndpoints(null, null, null, null);
        };
        URI token = s.tokenUrl() != null && !s.tokenUrl().isBlank() ? URI.create(s.tokenUrl().trim()) : base.tokenUrl();
        if (token == null) {
            throw new OAuthException(OAuthException.Reason.NOT_CONFIGURED, "the token URL (--oauth-token-url) is required");
        }
        URI authorize = base.authorizeUrl();
        if (authorize == null && p == OAuthProvider.CUSTOM) {
            // A custom authorization server conventionally serves /authorize beside /token.
            authorize = token.resolve("authorize");
        }
        return new OAuthEndpoints(token, authorize, base.applicationScope(), base.delegatedScope());
    }

    /** The configured scope, else the provider's for the grant. */
    public String scope(GatewayConfig.OAuthSettings s, boolean delegated) {
        if (s.scope() != null && !s.scope().isBlank()) {
            return s.scope().trim();
        }
        return delegated ? delegatedScope : applicationScope;
    }
}
