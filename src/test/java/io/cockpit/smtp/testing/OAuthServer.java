package io.cockpit.smtp.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A real OAuth 2.0 authorization server on loopback for the tests (NAV's mock-oauth2-server): client credentials,
 * authorization code with PKCE S256, refresh tokens, signed JWT access tokens. It accepts any client secret, so a
 * refusal is scripted as the provider's own answer ({@link #refuseNext}). Its authorization endpoint speaks OpenID
 * Connect: a delegated grant's scope must hold {@code openid}.
 */
public final class OAuthServer implements AutoCloseable {
    public static final String ISSUER = "contoso";

    /** Scripted refusals, answered by the token endpoint before the server's own grant handling. */
    private final Queue<OAuth2HttpResponse> refusals = new ConcurrentLinkedQueue<>();
    private final MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
            new OAuth2TokenProvider(), Set.of(), new MockWebServerWrapper()), new Route() {
                @Override
                public boolean match(OAuth2HttpRequest request) {
                    return !refusals.isEmpty() && request.getUrl().encodedPath().endsWith("/token");
                }

                @Override
                public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
                    return refusals.remove();
                }
            });

    public OAuthServer() {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** The token endpoint; its authorization endpoint sits beside it ({@code .../authorize}). */
    public String tokenUrl() {
        return server.tokenEndpointUrl(ISSUER).toString();
    }

    /** The next token carries these application permissions in its {@code roles} claim, as Microsoft's do. */
    public void nextTokenWithRoles(List<String> roles) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "app", "JWT", List.of("https://graph.microsoft.com"),
                Map.of("roles", roles), 3600));
    }

    /** The next request is answered with an OAuth error, as a provider refuses ({@code invalid_client}, ...). */
    public void refuseNext(int status, String error, String description) {
        refusals.add(new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), status,
                "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}", null));
    }

    /** The form of the next request the server received (waits up to 5 s). */
    public Map<String, String> takeForm() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the authorization server received no request");
        }
        Map<String, String> form = new HashMap<>();
        String body = r.getBody().readUtf8();
        String query = r.getRequestUrl().query();
        for (String part : (body.isEmpty() ? (query == null ? "" : query) : body).split("&")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        form.put("(path)", r.getPath());
        return form;
    }

    /**
     * Plays the user's browser: opens the authorization URL, signs in as {@code user} when the server shows its
     * sign-in page (it does for {@code prompt=consent}), and follows the redirect down to the console's loopback
     * redirect, as a browser would; returns the page the console showed.
     */
    public static String browse(URI authorizationUrl, String user) {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(authorizationUrl).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 200 && page.body().contains("name=\"username\"")) {
                String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&claims=";
                page = browser.send(HttpRequest.newBuilder(authorizationUrl).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            }
            for (int hops = 0; hops < 5 && page.statusCode() / 100 == 3; hops++) {
                URI next = authorizationUrl.resolve(page.headers().firstValue("Location").orElseThrow());
                page = browser.send(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            return page.body();
        } catch (IOException e) {
            throw new AssertionError("the browser could not follow " + authorizationUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
