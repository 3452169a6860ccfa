package io.cockpit.smtp.core.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A token endpoint on loopback with single-use refresh tokens, as Microsoft's and others' can be: each refresh grant
 * answers with a new refresh token and the one used stops working. (The mock authorization servers at hand answer a
 * refresh grant with the same refresh token, so they cannot show what a rotation does.) Client credentials are
 * accepted for the client secret {@code app-secret}; access tokens are {@code access-1}, {@code access-2}, ...
 */
final class RotatingTokenEndpoint implements AutoCloseable {
    private final HttpServer server;
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private String liveRefreshToken;
    private int issued;

    RotatingTokenEndpoint(String firstRefreshToken) throws IOException {
        liveRefreshToken = firstRefreshToken;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    synchronized String liveRefreshToken() {
        return liveRefreshToken;
    }

    private synchronized void token(HttpExchange ex) throws IOException {
        Map<String, String> form = DelegatedAuthorization.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(form);
        String grant = form.getOrDefault("grant_type", "");
        String body;
        int status = 200;
        if (grant.equals("refresh_token") && form.getOrDefault("refresh_token", "").equals(liveRefreshToken)) {
            issued++;
            liveRefreshToken = "refresh-" + (issued + 1);
            body = "{\"access_token\":\"access-" + issued + "\",\"expires_in\":3600,\"token_type\":\"Bearer\","
                    + "\"refresh_token\":\"" + liveRefreshToken + "\"}";
        } else if (grant.equals("client_credentials") && "app-secret".equals(form.get("client_secret"))) {
            issued++;
            body = "{\"access_token\":\"access-" + issued + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}";
        } else {
            status = 400;
            body = "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70000: the refresh token was already used\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
