package io.cockpit.smtp.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * Microsoft Graph's {@code sendMail} with MIME, in process over HTTPS, as Microsoft documents it: {@code POST
 * /v1.0/users/{id}/sendMail} with {@code Content-Type: text/plain} and the base64 MIME message as body; 202 Accepted
 * with no body; 400 when the body is not base64 MIME; 401 without a bearer token or with one the test refuses; 403
 * {@code ErrorAccessDenied}; 429 with {@code Retry-After}. Tests script the next answers ({@link #answerNext}) and read
 * what was posted ({@link #received()}).
 */
public final class GraphEndpoint implements AutoCloseable {
    /** One request as Graph received it, the MIME decoded from its base64 body. */
    public record Received(String mailbox, String authorization, String contentType, String mime) {
    }

    private final HttpsServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<int[]> scripted = new ConcurrentLinkedQueue<>();
    private final List<byte[]> rawBodies = new CopyOnWriteArrayList<>();
    private volatile Predicate<String> tokenAccepted = token -> true;
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int throttleEvery;
    private volatile int throttleSeconds;

    /** @param tls the server's certificate (localhost), which the gateway pins */
    public GraphEndpoint(SSLContext tls) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/v1.0/users/", this::handle);
        server.start();
    }

    /** What to give as {@code --graph-url}. */
    public String url() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The next answers, in order: a status, and for 429 or 503 the Retry-After seconds (ignored otherwise). */
    public void answerNext(int status, int retryAfterSeconds) {
        scripted.add(new int[] {status, retryAfterSeconds});
    }

    /** Every {@code n}-th request is answered 429 with this Retry-After, as Graph throttles a busy mailbox. */
    public void throttleEvery(int n, int retryAfterSeconds) {
        throttleEvery = n;
        throttleSeconds = retryAfterSeconds;
    }

    /** Tokens this endpoint refuses with 401 (an expired one, say). */
    public void acceptTokens(Predicate<String> accepted) {
        tokenAccepted = accepted;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Every body posted, as it came (base64): for asserting that no secret travels in it. */
    public List<byte[]> rawBodies() {
        return new ArrayList<>(rawBodies);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            if (!"POST".equals(ex.getRequestMethod()) || !path.endsWith("/sendMail")) {
                answer(ex, 405, null, "{\"error\":{\"code\":\"Request_BadRequest\",\"message\":\"Unsupported.\"}}");
                return;
            }
            String mailbox = URLDecoder.decode(path.substring("/v1.0/users/".length(), path.length() - "/sendMail".length()),
                    StandardCharsets.UTF_8);
            byte[] body = ex.getRequestBody().readAllBytes();
            rawBodies.add(body);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !tokenAccepted.test(auth.substring(7))) {
                answer(ex, 401, null, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token has expired or is not yet valid.\"}}");
                return;
            }
            String mime;
            try {
                mime = new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                answer(ex, 400, null, "{\"error\":{\"code\":\"ErrorMimeContentInvalidBase64String\",\"message\":\"Invalid base64 string for MIME content.\"}}");
                return;
            }
            int[] next = scripted.poll();
            int n = requests.incrementAndGet();
            if (next == null && throttleEvery > 0 && n % throttleEvery == 0) {
                next = new int[] {429, throttleSeconds};
            }
            int status = next == null ? 202 : next[0];
            switch (status) {
                case 202 -> {
                    received.add(new Received(mailbox, auth, ex.getRequestHeaders().getFirst("Content-Type"), mime));
                    answer(ex, 202, null, null);
                }
                case 403 -> answer(ex, 403, null, "{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is denied. Check credentials and try again.\"}}");
                case 429 -> answer(ex, 429, String.valueOf(next[1]), "{\"error\":{\"code\":\"ApplicationThrottled\",\"message\":\"Application is over its MailboxConcurrency limit.\"}}");
                case 503 -> answer(ex, 503, String.valueOf(next[1]), "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"Service unavailable.\"}}");
                default -> answer(ex, status, null, "{\"error\":{\"code\":\"ErrorInternalServerError\",\"message\":\"Scripted failure.\"}}");
            }
        }
    }

    private static void answer(HttpExchange ex, int status, String retryAfter, String json) throws IOException {
        ex.getResponseHeaders().add("request-id", "6f1c-test");
        if (retryAfter != null) {
            ex.getResponseHeaders().add("Retry-After", retryAfter);
        }
        if (json == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
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
