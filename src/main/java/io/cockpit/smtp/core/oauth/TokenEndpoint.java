package io.cockpit.smtp.core.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** One POST to an OAuth 2.0 token endpoint (RFC 6749 section 4), with timeouts on connect and on the answer. */
final class TokenEndpoint {
    /** Made on first use: most processes never ask a provider for a token. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Duration timeout;
    private final Clock clock;
    // Built on the first request, not with the service: an HttpClient and its TLS set-up cost about half a second
    // of start-up that a command sending with a password never needs.
    private HttpClient http;

    TokenEndpoint(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    AccessToken post(URI tokenUrl, Map<String, String> form) throws OAuthException, InterruptedException {
        if (!"https".equalsIgnoreCase(tokenUrl.getScheme()) && !isLoopback(tokenUrl)) {
            throw new OAuthException(OAuthException.Reason.NOT_CONFIGURED,
                    "the token URL must use https (plain http is only accepted on this machine's loopback)");
        }
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new OAuthException(OAuthException.Reason.UNREACHABLE, "the token endpoint " + tokenUrl.getHost()
                    + " did not answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new OAuthException(OAuthException.Reason.UNREACHABLE, "the token endpoint " + tokenUrl.getHost()
                    + " cannot be reached: " + e.getClass().getSimpleName(), e);
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new OAuthException(OAuthException.Reason.BAD_RESPONSE, "the token endpoint answered HTTP "
                    + response.statusCode() + " without JSON");
        }
        if (response.statusCode() / 100 != 2 || json == null || !json.hasNonNull("access_token")) {
            String error = json == null ? "" : json.path("error").asText("");
            String description = json == null ? "" : json.path("error_description").asText("");
            OAuthException.Reason reason = switch (error) {
                case "invalid_client", "unauthorized_client" -> OAuthException.Reason.CLIENT_REFUSED;
                case "invalid_grant" -> OAuthException.Reason.GRANT_REFUSED;
                default -> OAuthException.Reason.BAD_RESPONSE;
            };
            throw new OAuthException(reason, ProviderRefusal.of(error, description), "the provider refused the token request (HTTP " + response.statusCode()
                    + (error.isEmpty() ? "" : ", " + error) + (description.isEmpty() ? "" : ": " + firstLine(description)) + ")");
        }
        long expiresIn = json.path("expires_in").asLong(3600);
        String refresh = json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : null;
        return new AccessToken(json.get("access_token").asText(), clock.instant().plusSeconds(expiresIn), refresh);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    static boolean isLoopback(URI uri) {
        String h = uri.getHost();
        return h != null && (h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]") || h.equals("::1"));
    }
}
