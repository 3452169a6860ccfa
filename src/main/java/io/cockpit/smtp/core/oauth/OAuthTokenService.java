package io.cockpit.smtp.core.oauth;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.store.SealedSecret;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Obtains and refreshes the access tokens that SASL XOAUTH2 sends as the password: with a stored refresh token
 * (delegated mailbox, from {@code gateway authorize}) or else the client-credentials grant (an application registered
 * with the provider). Tokens are kept in memory only, until a minute before they expire.
 */
public final class OAuthTokenService {
    public static final String REFRESH_TOKEN_FIELD = io.cockpit.smtp.core.gateway.GatewayField.OAUTH_REFRESH_TOKEN;

    private final GatewayService gateways;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final TokenLog log;

    public OAuthTokenService(GatewayService gateways, Duration timeout, Clock clock) {
        this.gateways = gateways;
        this.endpoint = new TokenEndpoint(timeout, clock);
        this.clock = clock;
        this.log = new TokenLog(clock);
    }

    /**
     * @param refreshTokens the sealed refresh tokens this token answers for: the one used and, when the provider
     *                      rotated it, the one stored in its place (callers holding either get this token)
     */
    private record Cached(String key, java.util.Set<String> refreshTokens, AccessToken token) {
        boolean answers(String key, SealedSecret refresh, java.time.Instant now) {
            return this.key.equals(key) && refreshTokens.contains(refresh == null ? "" : refresh.ciphertext())
                    && token.validAt(now);
        }
    }

    /** A valid access token for the gateway, from the cache or the provider. */
    public AccessToken accessToken(GatewayConfig g) throws OAuthException, SecretUnavailableException, InterruptedException {
        GatewayConfig.OAuthSettings s = g.oauth();
        String key = s.provider() + "|" + s.tenant() + "|" + s.clientId() + "|" + s.tokenUrl() + "|" + s.scope();
        Cached c = cache.get(g.name());
        if (c != null && c.answers(key, s.refreshToken(), clock.instant())) {
            return c.token;
        }
        if (s.clientId() == null || s.clientId().isBlank()) {
            throw new OAuthException(OAuthException.Reason.NOT_CONFIGURED, "the OAuth client id (--oauth-client-id) is required");
        }
        try {
            return request(g, key, s.refreshToken());
        } catch (OAuthException e) {
            SealedSecret stored = storedRefreshToken(g);
            if (e.reason() != OAuthException.Reason.GRANT_REFUSED || stored == null || stored.equals(s.refreshToken())) {
                throw e;
            }
            // The token used was already replaced in the store (rotated by another process): use the stored one.
            return request(g, key, stored);
        }
    }

    private SealedSecret storedRefreshToken(GatewayConfig g) {
        return gateways.load(g.name()).oauth().refreshToken();
    }

    private AccessToken request(GatewayConfig g, String key, SealedSecret sealedRefresh)
            throws OAuthException, SecretUnavailableException, InterruptedException {
        GatewayConfig.OAuthSettings s = g.oauth();
        OAuthEndpoints e = OAuthEndpoints.of(s);
        Map<String, String> form = new LinkedHashMap<>();
        char[] clientSecret = s.clientSecret() == null ? null
                : gateways.openSecret(g, GatewayField.OAUTH_CLIENT_SECRET, s.clientSecret());
        char[] refresh = sealedRefresh == null ? null : gateways.openSecret(g, REFRESH_TOKEN_FIELD, sealedRefresh);
        char[] rotated = null;
        try {
            if (refresh != null) {
                form.put("grant_type", "refresh_token");
                form.put("refresh_token", new String(refresh));
                putScope(form, e.scope(s, true));
            } else {
                if (clientSecret == null) {
                    throw new OAuthException(OAuthException.Reason.NOT_CONFIGURED,
                            "no refresh token is stored and no client secret is set: run `gateway authorize` or set "
                                    + "--oauth-client-secret-stdin");
                }
                form.put("grant_type", "client_credentials");
                putScope(form, e.scope(s, false));
            }
            form.put("client_id", s.clientId());
            if (clientSecret != null) {
                form.put("client_secret", new String(clientSecret));
            }
            AccessToken token;
            try {
                token = endpoint.post(e.tokenUrl(), form);
            } catch (OAuthException refused) {
                log.refused(g.name(), refused);
                throw refused;
            }
            log.obtained(g.name());
            java.util.Set<String> answers = new java.util.HashSet<>();
            answers.add(sealedRefresh == null ? "" : sealedRefresh.ciphertext());
            if (s.refreshToken() != null) {
                answers.add(s.refreshToken().ciphertext());
            }
            if (refresh != null && token.refreshToken() != null && !token.refreshToken().contentEquals(new String(refresh))) {
                // The provider rotated the refresh token: the one just used may be dead, so the new one is stored
                // now, before anything else can fail, or every later refresh would be refused.
                rotated = token.refreshToken().toCharArray();
                gateways.replaceRefreshToken(g.name(), refresh, rotated).ifPresent(n -> answers.add(n.ciphertext()));
            }
            AccessToken kept = new AccessToken(token.value(), token.expiresAt(), null);
            cache.put(g.name(), new Cached(key, java.util.Set.copyOf(answers), kept));
            return kept;
        } finally {
            if (clientSecret != null) Arrays.fill(clientSecret, '\0');
            if (refresh != null) Arrays.fill(refresh, '\0');
            if (rotated != null) Arrays.fill(rotated, '\0');
        }
    }

    private static void putScope(Map<String, String> form, String scope) {
        if (scope != null && !scope.isBlank()) {
            form.put("scope", scope);
        }
    }

    /** Forgets the cached token (after the server refused it, or the settings changed). */
    public void forget(String gatewayName) {
        cache.remove(gatewayName);
    }

    /** What can be said of the token without asking the provider. */
    public TokenHealth health(GatewayConfig g) {
        if (g.auth() != io.cockpit.smtp.core.gateway.Authentication.OAUTH2) {
            return new TokenHealth(TokenHealth.State.NOT_USED, null);
        }
        Cached c = cache.get(g.name());
        TokenLog.Last refused = log.refusal(g.name());
        TokenHealth.State state;
        if (c != null && c.token.validAt(clock.instant())) {
            state = TokenHealth.State.VALID;
        } else if (g.oauth().refreshToken() != null) {
            state = TokenHealth.State.REFRESH_TOKEN_STORED;
        } else if (g.oauth().clientSecret() != null) {
            state = TokenHealth.State.CLIENT_SECRET_STORED;
        } else {
            state = TokenHealth.State.MISSING;
        }
        return new TokenHealth(state, state == TokenHealth.State.VALID ? c.token.expiresAt() : null,
                log.lastToken(g.name()), refused == null ? null : refused.refusal(), refused == null ? null : refused.words());
    }

    /** The mail server refused a token the provider gave (SMTP AUTH disabled for the mailbox): the health says so. */
    public void serverRefused(GatewayConfig g, ProviderRefusal refusal, String reply) {
        log.refused(g.name(), refusal, reply);
    }

    /** Returns the gateway with a newly obtained refresh token sealed into it (the caller saves it). */
    public GatewayConfig withRefreshToken(GatewayConfig g, char[] refreshToken) {
        Objects.requireNonNull(refreshToken);
        SealedSecret sealed = gateways.sealSecret(g.name(), REFRESH_TOKEN_FIELD, refreshToken);
        GatewayConfig.OAuthSettings o = g.oauth();
        forget(g.name());
        return g.toBuilder().oauth(new GatewayConfig.OAuthSettings(o.provider(), o.tenant(), o.clientId(), o.clientSecret(),
                o.tokenUrl(), o.scope(), sealed)).build();
    }

    TokenEndpoint endpoint() {
        return endpoint;
    }
}
