package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gateway authorize` end to end: the test plays the browser and the provider, over real HTTP on loopback. */
class GatewayAuthorizeCommandTest {
    @TempDir
    Path dir;

    @Test
    void theAuthorizationCodeWithPkceStoresAnEncryptedRefreshToken() throws Exception {
        Map<String, String> exchanged = new HashMap<>();
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/token", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String p : body.split("&")) {
                String[] kv = p.split("=", 2);
                exchanged.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            byte[] b = "{\"access_token\":\"at-1\",\"expires_in\":3600,\"refresh_token\":\"rt-very-secret\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        provider.start();
        try {
            String tokenUrl = "http://127.0.0.1:" + provider.getAddress().getPort() + "/token";
            CliRun set = CliRun.run(dir, null, "gateway", "set", "--auth", "oauth2", "--username", "svc@example.com",
                    "--oauth-provider", "custom", "--oauth-client-id", "desk-app", "--oauth-token-url", tokenUrl);
            assertEquals(0, set.code(), set.err());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Cli.run(new String[] {"--db",
                    dir.resolve("cockpit").toString(), "--key-file", dir.resolve("cockpit-smtp.key").toString(),
                    "gateway", "authorize", "--timeout", "30"}, new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null));
            String url = null;
            for (int i = 0; i < 200 && url == null; i++) {
                for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("http")) url = line.trim();
                }
                Thread.sleep(50);
            }
            assertNotNull(url, "the URL is printed: " + out + err);
            Map<String, String> q = new HashMap<>();
            for (String p : URI.create(url).getRawQuery().split("&")) {
                String[] kv = p.split("=", 2);
                q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            assertEquals("S256", q.get("code_challenge_method"));
            assertEquals("desk-app", q.get("client_id"));
            // The browser comes back to the loopback redirect with a code.
            HttpResponse<String> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(q.get("redirect_uri") + "?code=the-code&state=" + q.get("state"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, back.statusCode());
            assertEquals(0, run.get(30, TimeUnit.SECONDS), err.toString());

            assertEquals("authorization_code", exchanged.get("grant_type"));
            assertEquals("the-code", exchanged.get("code"));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(exchanged.get("code_verifier").getBytes(StandardCharsets.US_ASCII));
            assertEquals(q.get("code_challenge"), Base64.getUrlEncoder().withoutPadding().encodeToString(digest),
                    "the verifier sent at exchange matches the challenge sent to the browser");

            JsonNode g = CliRun.run(dir, null, "gateway", "show", "--json").json();
            assertTrue(g.get("oauth").get("refreshTokenSet").asBoolean());
            assertEquals("refresh-token-stored", g.get("oauth").get("tokenHealth").asText());
            assertFalse(g.toString().contains("rt-very-secret"));
            assertFalse(new String(Files.readAllBytes(dir.resolve("cockpit.mv.db")), StandardCharsets.ISO_8859_1).contains("rt-very-secret"));
        } finally {
            provider.stop(0);
        }
    }

    @Test
    void authorizeRefusesAGatewayThatDoesNotUseOAuth() {
        CliRun r = CliRun.run(dir, null, "gateway", "authorize", "--timeout", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("auth:"), r.err());
    }
}
