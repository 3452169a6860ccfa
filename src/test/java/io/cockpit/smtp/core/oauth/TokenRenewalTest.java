package io.cockpit.smtp.core.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.core.mail.diagnosis.Cancellation;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisListener;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.ScriptedSmtpServer;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refresh tokens the provider rotates are kept; an access token the SMTP server refuses is replaced, once. */
class TokenRenewalTest {
    @TempDir
    Path dir;
    RotatingTokenEndpoint provider;
    ScriptedSmtpServer smtp;
    CoreServices s;

    @BeforeEach
    void start() throws Exception {
        provider = new RotatingTokenEndpoint("refresh-1");
        smtp = new ScriptedSmtpServer().offerAuth(true);
        s = TestStore.open(dir);
    }

    @AfterEach
    void stop() throws Exception {
        s.close();
        smtp.close();
        provider.close();
    }

    GatewayConfig oauthGateway(boolean delegated) throws Exception {
        GatewayConfig g = TestStore.plainGateway(s, smtp.port(), GatewayStatus.ACTIVE);
        var secret = delegated ? null : s.gateways().sealSecret(g.name(), GatewayField.OAUTH_CLIENT_SECRET, "app-secret".toCharArray());
        var refresh = delegated ? s.gateways().sealSecret(g.name(), GatewayField.OAUTH_REFRESH_TOKEN, "refresh-1".toCharArray()) : null;
        return s.gateways().save(g.toBuilder().auth(Authentication.OAUTH2).username("svc@example.com")
                .oauth(new GatewayConfig.OAuthSettings(OAuthProvider.CUSTOM, null, "app", secret, provider.tokenUrl(),
                        "https://outlook.office.com/SMTP.Send", refresh)).build());
    }

    @Test
    void aRefreshTokenRotatedByTheProviderIsStoredAndWorksInTheNextProcess() throws Exception {
        GatewayConfig g = oauthGateway(true);

        assertEquals("access-1", s.oauth().accessToken(g).value());

        GatewayConfig stored = s.gateways().loadPortal();
        assertEquals("refresh-2", new String(s.gateways().openSecret(stored, GatewayField.OAUTH_REFRESH_TOKEN,
                stored.oauth().refreshToken())), "the rotated refresh token is stored, sealed");
        assertTrue(stored.version() > g.version(), "a form loaded before cannot write the used token back");
        assertEquals("access-1", s.oauth().accessToken(stored).value(), "the cached token answers for the new one too");
        s.close();
        s = TestStore.open(dir); // another process: no cache, only the store
        assertEquals("access-2", s.oauth().accessToken(s.gateways().loadPortal()).value());
        assertEquals("refresh-3", provider.liveRefreshToken());
    }

    @Test
    void anAccessTokenTheServerRefusesIsReplacedAndTheMessageSent() throws Exception {
        oauthGateway(false);
        smtp.auth(token -> token.equals("access-1") ? "334 eyJzdGF0dXMiOiI0MDEifQ==" : "235 2.7.0 accepted");
        long id = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));

        Outboxes.drain(s);

        assertEquals(OutboxStatus.SENT, Outboxes.get(s, id).status(), Outboxes.get(s, id).lastError());
        assertEquals(List.of("access-1", "access-2"), smtp.secrets());
    }

    @Test
    void aRefusedTokenIsTriedAgainOnlyOnce() throws Exception {
        oauthGateway(false);
        smtp.auth(token -> "334 eyJzdGF0dXMiOiI0MDEifQ==");
        long id = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));

        Outboxes.drain(s);

        assertTrue(Outboxes.get(s, id).status() != OutboxStatus.SENT);
        assertEquals(List.of("access-1", "access-2"), smtp.secrets());
    }

    @Test
    void theDiagnosisReplacesARefusedTokenToo() throws Exception {
        GatewayConfig g = oauthGateway(false);
        smtp.auth(token -> token.equals("access-1") ? "334 eyJzdGF0dXMiOiI0MDEifQ==" : "235 2.7.0 accepted");

        DiagnosisReport r = s.diagnosis().check(g, DiagnosisListener.NONE, new Cancellation());

        assertTrue(r.ok(), r.steps().toString());
        assertEquals(List.of("access-1", "access-2"), smtp.secrets());
    }
}
