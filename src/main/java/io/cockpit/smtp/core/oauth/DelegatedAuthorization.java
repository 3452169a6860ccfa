package io.cockpit.smtp.core.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayField;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The OAuth 2.0 authorization-code grant with PKCE (RFC 7636) for a delegated mailbox: a loopback redirect
 * (RFC 8252) receives the code in this process; the code is exchanged for a refresh token, which the caller seals and
 * saves. The user completes the authorization in the system browser.
 */
public final class DelegatedAuthorization implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GatewayConfig gateway;
    private final GatewayService gateways;
    private final OAuthTokenService tokens;
    private final OAuthEndpoints endpoints;
    private final HttpServer server;
    private final String verifier;
    private final String state;
    private final URI redirect;
    private final URI url;
    private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();

    private DelegatedAuthorization(GatewayConfig gateway, GatewayService gateways, OAuthTokenService tokens)
            throws OAuthException, IOException {
        this.gateway = gateway;
        this.gateways = gateways;
        this.tokens = tokens;
        this.endpoints = OAuthEndpoints.of(gateway.oauth());
        if (gateway.oauth().clientId() == null || gateway.oauth().clientId().isBlank()) {
            throw new OAuthException(OAuthException.Reason.NOT_CONFIGURED, "the OAuth client id (--oauth-client-id) is required");
        }
        this.verifier = random(48);
        this.state = random(24);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext("/callback", this::onCallback);
        this.server.start();
        this.redirect = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", gateway.oauth().clientId());
        q.put("redirect_uri", redirect.toString());
        String scope = endpoints.scope(gateway.oauth(), true);
        if (scope != null) q.put("scope", scope);
        q.put("state", state);
        q.put("code_challenge", challenge(verifier));
        q.put("code_challenge_method", "S256");
        if (gateway.username() != null) q.put("login_hint", gateway.username());
        q.put("access_type", "offline"); // Google: return a refresh token
        q.put("prompt", "consent");
        this.url = URI.create(endpoints.authorizeUrl() + "?" + form(q));
    }

    public static DelegatedAuthorization begin(GatewayConfig gateway, GatewayService gateways, OAuthTokenService tokens)
            throws OAuthException, IOException {
        gateways.requireMayChange();
        return new DelegatedAuthorization(gateway, gateways, tokens);
    }

    /** Where the user must go to authorize. */
    public URI url() {
        return url;
    }

    /** Waits for the redirect, exchanges the code, and returns the gateway with the refresh token sealed into it. */
    public GatewayConfig await(Duration timeout) throws OAuthException, InterruptedException, SecretUnavailableException {
        Map<String, String> params;
        try {
            params = callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new OAuthException(OAuthException.Reason.NOT_AUTHORIZED,
                    "the authorization was not completed within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new OAuthException(OAuthException.Reason.NOT_AUTHORIZED, e.getCause().getMessage());
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", params.get("code"));
        f.put("redirect_uri", redirect.toString());
        f.put("client_id", gateway.oauth().clientId());
        f.put("code_verifier", verifier);
        char[] secret = gateway.oauth().clientSecret() == null ? null
                : gateways.openSecret(gateway, GatewayField.OAUTH_CLIENT_SECRET, gateway.oauth().clientSecret());
        try {
            if (secret != null) {
                f.put("client_secret", new String(secret));
            }
            AccessToken token = tokens.endpoint().post(endpoints.tokenUrl(), f);
            if (token.refreshToken() == null) {
                throw new OAuthException(OAuthException.Reason.BAD_RESPONSE,
                        "the provider gave no refresh token (is offline access allowed for this application?)");
            }
            return tokens.withRefreshToken(gateway, token.refreshToken().toCharArray());
        } finally {
            if (secret != null) Arrays.fill(secret, '\0');
        }
    }

    private void onCallback(HttpExchange ex) throws IOException {
        Map<String, String> params = parse(ex.getRequestURI().getRawQuery());
        String page;
        int status;
        if (!state.equals(params.get("state"))) {
            status = 400;
            page = "This authorization does not belong to this console (state mismatch).";
        } else if (params.containsKey("error")) {
            status = 200;
            page = "The authorization was refused: " + params.get("error") + ". You can close this window.";
            callback.completeExceptionally(new IllegalStateException("the provider answered " + params.get("error")
                    + (params.containsKey("error_description") ? ": " + params.get("error_description") : "")));
        } else if (params.get("code") == null) {
            status = 400;
            page = "No authorization code was received.";
        } else {
            status = 200;
            page = "Cockpit SMTP console: authorization received. You can close this window.";
            callback.complete(params);
        }
        byte[] body = ("<!doctype html><meta charset=utf-8><title>Cockpit SMTP</title><p>" + escape(page)).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static Map<String, String> parse(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null) return out;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String form(Map<String, String> q) {
        return q.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
