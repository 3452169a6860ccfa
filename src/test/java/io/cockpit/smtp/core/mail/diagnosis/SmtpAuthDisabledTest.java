package io.cockpit.smtp.core.mail.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.oauth.ProviderRefusal;
import io.cockpit.smtp.testing.OAuthServer;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Microsoft 365 server that has SMTP AUTH disabled refuses a valid token with 535 5.7.139: the diagnosis says to
 * send through Graph, and the token's health keeps the refusal.
 */
class SmtpAuthDisabledTest {
    @TempDir
    Path dir;

    @Test
    void aRefusedTokenWithSmtpAuthDisabledPointsToGraphAndShowsInTheTokensHealth() throws Exception {
        try (CoreServices s = TestStore.open(dir); OAuthServer oauth = new OAuthServer();
             ScriptedSmtpServer smtp = new ScriptedSmtpServer().authReply(
                     "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.")) {
            GatewayConfig g = s.gateways().loadPortal();
            g = s.gateways().save(g.toBuilder().server("127.0.0.1").port(smtp.port()).security(Security.NONE)
                    .auth(Authentication.OAUTH2).username("svc@contoso.com").from("itsm@contoso.com")
                    .connectTimeoutSeconds(3).readTimeoutSeconds(3)
                    .oauth(new GatewayConfig.OAuthSettings(OAuthProvider.MICROSOFT, "contoso", "app",
                            s.gateways().sealSecret(g.name(), GatewayField.OAUTH_CLIENT_SECRET, "secret".toCharArray()),
                            oauth.tokenUrl(), null, null)).build());

            DiagnosisReport r = s.diagnosis().check(g, DiagnosisListener.NONE, new Cancellation());

            assertEquals(Failure.AUTH_REJECTED, r.failure());
            assertTrue(r.hints().contains(Hint.SMTP_AUTH_DISABLED), r.hints().toString());
            assertEquals(ProviderRefusal.SMTP_AUTH_DISABLED, s.oauth().health(g).refusal());
        }
    }
}
