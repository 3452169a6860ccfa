package io.cockpit.smtp.core.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.testing.OAuthServer;
import io.cockpit.smtp.testing.TestStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens from a real authorization server on loopback: client credentials, code + PKCE, refresh, refusals. */
class OAuthTokenServiceTest {
    @TempDir
    Path dir;

    private static GatewayConfig oauth(GatewayService s, String tokenUrl, String clientSecret) {
        return oauth(s, tokenUrl, clientSecret, "smtp.send");
    }

    private static GatewayConfig oauth(GatewayService s, String tokenUrl, String clientSecret, String scope) {
        GatewayConfig g = s.loadPortal();
        return g.toBuilder().auth(Authentication.OAUTH2).username("svc@example.com")
                .oauth(new GatewayConfig.OAuthSettings(OAuthProvider.CUSTOM, null, "client-1",
                        clientSecret == null ? null : s.sealSecret(g.name(), GatewayField.OAUTH_CLIENT_SECRET, clientSecret.toCharArray()),
                        tokenUrl, scope, null))
                .build();
    }

    @Test
    void theClientCredentialsGrantGivesATokenThatIsReusedUntilItExpires() throws Exception {
        try (CoreServices core = TestStore.open(dir); OAuthServer as = new OAuthServer()) {
            GatewayConfig g = oauth(core.gateways(), as.tokenUrl(), "app-secret");
            AccessToken first = core.oauth().accessToken(g);
            AccessToken second = core.oauth().accessToken(g);
            assertEquals(first, second, "the second call is served from the cache");
            Map<String, String> request = as.takeForm();
            assertEquals("client_credentials", request.get("grant_type"));
            assertEquals("smtp.send", request.get("scope"));
            assertEquals("app-secret", request.get("client_secret"));
            assertEquals(3, first.value().split("\\.").length, "the server issues a signed JWT");
            assertFalse(first.toString().contains(first.value()), "a token never shows in toString");
            TokenHealth health = core.oauth().health(g);
            assertEquals(TokenHealth.State.VALID, health.state());
            assertEquals(first.expiresAt(), health.expiresAt());
            assertNotNull(health.lastRefresh());
            assertNull(health.refusal());
        }
    }

    @Test
    void aRefusedClientSecretIsReportedWithTheProvidersWordsAndKeptInTheHealth() throws Exception {
        try (CoreServices core = TestStore.open(dir); OAuthServer as = new OAuthServer()) {
            GatewayConfig g = oauth(core.gateways(), as.tokenUrl(), "expired-secret");
            as.refuseNext(401, "invalid_client", "AADSTS7000222: The provided client secret keys for app 'x' are expired.");
            OAuthException e = assertThrows(OAuthException.class, () -> core.oauth().accessToken(g));
            assertEquals(OAuthException.Reason.CLIENT_REFUSED, e.reason());
            assertEquals(ProviderRefusal.SECRET_EXPIRED, e.refusal());
            assertTrue(e.getMessage().contains("AADSTS7000222"), e.getMessage());
            assertFalse(e.getMessage().contains("expired-secret"));
            TokenHealth health = core.oauth().health(g);
            assertEquals(ProviderRefusal.SECRET_EXPIRED, health.refusal());
            assertTrue(health.refusalWords().contains("AADSTS7000222"));
            // The next request succeeds: the refusal is no longer the health's news.
            core.oauth().accessToken(g);
            assertNull(core.oauth().health(g).refusal());
        }
    }

    @Test
    void missingConsentAndAWrongScopeAreToldApart() {
        assertEquals(ProviderRefusal.CONSENT_MISSING, ProviderRefusal.of("invalid_grant",
                "AADSTS65001: The user or administrator has not consented to use the application"));
        assertEquals(ProviderRefusal.SCOPE_INVALID, ProviderRefusal.of("invalid_scope", "AADSTS70011: The provided value"));
        assertEquals(ProviderRefusal.SECRET_INVALID, ProviderRefusal.of("invalid_client", "AADSTS7000215: Invalid client secret"));
        assertEquals(ProviderRefusal.GRANT_EXPIRED, ProviderRefusal.of("invalid_grant", "Token has been expired or revoked."));
        assertEquals(ProviderRefusal.SMTP_AUTH_DISABLED, ProviderRefusal.ofSmtpReply(
                "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox."));
        assertNull(ProviderRefusal.ofSmtpReply("535 5.7.8 Error: authentication failed"));
    }

    @Test
    void theDelegatedGrantWithPkceStoresARefreshTokenThatRefreshesTheAccessToken() throws Exception {
        try (CoreServices core = TestStore.open(dir); OAuthServer as = new OAuthServer()) {
            GatewayConfig g = core.gateways().save(oauth(core.gateways(), as.tokenUrl(), null, "openid offline_access smtp.send"));
            GatewayConfig authorized;
            try (DelegatedAuthorization auth = DelegatedAuthorization.begin(g, core.gateways(), core.oauth())) {
                assertTrue(auth.url().toString().contains("code_challenge_method=S256"));
                CompletableFuture<String> page = CompletableFuture.supplyAsync(() -> OAuthServer.browse(auth.url(), "svc@example.com"));
                assertTrue(page.get(20, java.util.concurrent.TimeUnit.SECONDS).contains("authorization received"), page.get());
                authorized = auth.await(Duration.ofSeconds(20));
            }
            Map<String, String> exchange = as.takeForm();
            while (exchange.get("(path)").contains("/authorize")) {
                exchange = as.takeForm(); // the sign-in page and its form
            }
            assertEquals("authorization_code", exchange.get("grant_type"));
            assertNotNull(exchange.get("code_verifier"), "PKCE: the verifier goes with the code");
            assertNotNull(authorized.oauth().refreshToken());
            assertFalse(authorized.oauth().refreshToken().ciphertext().contains(exchange.get("code")));
            GatewayConfig saved = core.gateways().save(authorized);

            AccessToken token = core.oauth().accessToken(saved);
            assertNotNull(token.value());
            Map<String, String> refresh = as.takeForm();
            assertEquals("refresh_token", refresh.get("grant_type"));
            assertEquals(TokenHealth.State.VALID, core.oauth().health(saved).state());
        }
    }

    @Test
    void aSilentTokenEndpointEndsWithinTheTimeout() throws Exception {
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/token", ex -> { }); // reads nothing, answers nothing
        silent.start();
        try (CoreServices core = TestStore.open(dir)) {
            OAuthTokenService quick = new OAuthTokenService(core.gateways(), Duration.ofSeconds(1), Clock.systemUTC());
            GatewayConfig g = oauth(core.gateways(), "http://127.0.0.1:" + silent.getAddress().getPort() + "/token", "s");
            OAuthException e = assertThrows(OAuthException.class, () -> quick.accessToken(g));
            assertEquals(OAuthException.Reason.UNREACHABLE, e.reason());
        } finally {
            silent.stop(0);
        }
    }

    @Test
    void aPlainHttpTokenUrlOffThisMachineIsRefusedBeforeAnyRequest() throws Exception {
        try (CoreServices core = TestStore.open(dir)) {
            GatewayConfig g = oauth(core.gateways(), "http://login.example.com/token", "app-secret");
            OAuthException e = assertThrows(OAuthException.class, () -> core.oauth().accessToken(g));
            assertEquals(OAuthException.Reason.NOT_CONFIGURED, e.reason());
        }
    }

    @Test
    void withoutSecretOrRefreshTokenTheHealthSaysMissing() throws Exception {
        try (CoreServices core = TestStore.open(dir)) {
            GatewayConfig g = oauth(core.gateways(), "https://login.example.com/token", null);
            assertEquals(TokenHealth.State.MISSING, core.oauth().health(g).state());
            assertEquals(OAuthException.Reason.NOT_CONFIGURED,
                    assertThrows(OAuthException.class, () -> core.oauth().accessToken(g)).reason());
        }
    }

    @Test
    void microsoftEndpointsFollowTheTenant() throws Exception {
        OAuthEndpoints e = OAuthEndpoints.of(new GatewayConfig.OAuthSettings(OAuthProvider.MICROSOFT, "contoso.onmicrosoft.com",
                "c", null, null, null, null));
        assertEquals("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token", e.tokenUrl().toString());
        assertEquals("https://outlook.office365.com/.default", e.applicationScope());
    }
}
