package io.cockpit.smtp.core.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.gateway.OAuthProvider;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OAuthTokenServiceTest {
    @TempDir
    Path dir;

    private static GatewayConfig oauth(GatewayService s, String tokenUrl, String clientSecret) {
        GatewayConfig g = s.loadPortal();
        return g.toBuilder().auth(Authentication.OAUTH2).username("svc@example.com")
                .oauth(new GatewayConfig.OAuthSettings(OAuthProvider.CUSTOM, null, "client-1",
                        clientSecret == null ? null : s.sealSecret(g.name(), GatewayField.OAUTH_CLIENT_SECRET, clientSecret.toCharArray()),
                        tokenUrl, "smtp.send", null))
                .build();
    }

    @Test
    void theClientCredentialsGrantGivesATokenThatIsReusedUntilItExpires() throws Exception {
        try (CoreServices core = TestStore.open(dir); FakeAuthorizationServer as = new FakeAuthorizationServer()) {
            GatewayConfig g = oauth(core.gateways(), as.tokenUrl(), "app-secret");
            AccessToken first = core.oauth().accessToken(g);
            AccessToken second = core.oauth().accessToken(g);
            assertEquals("access-1", first.value());
            assertEquals(first, second);
            assertEquals(1, as.requests.size());
            assertEquals("client_credentials", as.requests.get(0).get("grant_type"));
            assertEquals("smtp.send", as.requests.get(0).get("scope"));
            assertFalse(first.toString().contains("access-1"), "a token never shows in toString");
            assertEquals(TokenHealth.State.VALID, core.oauth().health(g).state());
        }
    }

    @Test
    void aRefusedClientSecretIsReportedWithTheProvidersWords() throws Exception {
        try (CoreServices core = TestStore.open(dir); FakeAuthorizationServer as = new FakeAuthorizationServer()) {
            GatewayConfig g = oauth(core.gateways(), as.tokenUrl(), "wrong-secret");
            OAuthException e = assertThrows(OAuthException.class, () -> core.oauth().accessToken(g));
            assertEquals(OAuthException.Reason.CLIENT_REFUSED, e.reason());
            assertTrue(e.getMessage().contains("AADSTS7000215"), e.getMessage());
            assertFalse(e.getMessage().contains("wrong-secret"));
        }
    }

    @Test
    void aSilentTokenEndpointEndsWithinTheTimeout() throws Exception {
        try (CoreServices core = TestStore.open(dir); FakeAuthorizationServer as = new FakeAuthorizationServer()) {
            as.silent = true;
            OAuthTokenService quick = new OAuthTokenService(core.gateways(), Duration.ofSeconds(1), Clock.systemUTC());
            GatewayConfig g = oauth(core.gateways(), as.tokenUrl(), "app-secret");
            OAuthException e = assertThrows(OAuthException.class, () -> quick.accessToken(g));
            assertEquals(OAuthException.Reason.UNREACHABLE, e.reason());
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
