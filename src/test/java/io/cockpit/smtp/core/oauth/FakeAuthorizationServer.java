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
 * A real HTTP OAuth 2.0 token endpoint on loopback for tests: it checks the grants as a provider does (client
 * credentials, refresh token, authorization code with PKCE S256) and answers in RFC 6749's JSON.
 */
final class FakeAuthorizationServer implements AutoCloseable {
    final HttpServer server;
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    volatile String expectedClientSecret = "app-secret";
    volatile String expectedRefreshToken = "refresh-1";
    volatile String issuedCode;
    volatile String codeChallenge;
    volatile boolean silent;
    private int counter;

    FakeAuthorizationServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    String tokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    private synchronized void token(HttpExchange ex) throws IOException {
        Map<String, String> form = DelegatedAuthorization.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(form);
        if (silent) {
            return; // never answers: the client's timeout must end the wait
        }
        String grant = form.getOrDefault("grant_type", "");
        boolean ok = switch (grant) {
            case "client_credentials" -> expectedClientSecret.equals(form.get("client_secret"));
            case "refresh_token" -> expectedRefreshToken.equals(form.get("refresh_token"));
            case "authorization_code" -> form.get("code") != null && form.get("code").equals(issuedCode)
                    && codeChallenge != null && codeChallenge.equals(DelegatedAuthorization.challenge(form.getOrDefault("code_verifier", "")));
            default -> false;
        };
        String body;
        int status;
        if (!ok) {
            status = 400;
            body = grant.equals("client_credentials") ? "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}"
                    : "{\"error\":\"invalid_grant\",\"error_description\":\"expired or revoked\"}";
        } else {
            status = 200;
            counter++;
            body = "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"access-" + counter + "\""
                    + (grant.equals("authorization_code") ? ",\"refresh_token\":\"" + expectedRefreshToken + "\"" : "") + "}";
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
