package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.core.gateway.Transport;
import io.cockpit.smtp.core.gateway.TrustedCertificates;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The portal's gateway set up as a new user would for Microsoft 365 through Graph: an application registration
 * (client id and secret) at the test authorization server, the mailbox as sender, the test Graph endpoint's
 * certificate pinned.
 */
public final class GraphGateway {
    public static final String CLIENT_SECRET = "app-secret-7Q~very-secret";
    public static final String MAILBOX = "svc@contoso.com";

    private GraphGateway() {
    }

    public static GatewayConfig save(CoreServices s, OAuthServer oauth, GraphEndpoint graph, X509Certificate graphCert)
            throws Exception {
        GatewayConfig g = s.gateways().loadPortal();
        GatewayConfig.OAuthSettings o = new GatewayConfig.OAuthSettings(OAuthProvider.MICROSOFT, "contoso", "cockpit-app",
                s.gateways().sealSecret(g.name(), GatewayField.OAUTH_CLIENT_SECRET, CLIENT_SECRET.toCharArray()),
                oauth.tokenUrl(), null, null);
        return s.gateways().save(g.toBuilder().status(GatewayStatus.ACTIVE).auth(Authentication.OAUTH2).username(MAILBOX)
                .oauth(o).transport(Transport.GRAPH).graphUrl(graph.url())
                .from("itsm@contoso.com").displayName("Service desk Été").replyTo("support@contoso.com")
                .trustedCertificates(List.of(TrustedCertificates.of(graphCert)))
                .connectTimeoutSeconds(5).readTimeoutSeconds(5).build());
    }
}
