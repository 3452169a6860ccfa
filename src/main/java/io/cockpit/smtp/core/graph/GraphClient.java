package io.cockpit.smtp.core.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Microsoft Graph's {@code sendMail} with a MIME message, over plain {@code java.net.http}: {@code POST
 * /v1.0/users/{mailbox}/sendMail}, the body the base64 of the MIME message, {@code Content-Type: text/plain}; 202
 * Accepted when Graph took it. Graph then sends exactly that message (Message-ID, headers, parts), as SMTP would.
 *
 * <p>TLS is the gateway's own verifying trust (the system's authorities plus its pinned certificates), host names
 * checked; every wait has a timeout. The exchange is told to an optional listener line by line, the bearer token
 * masked: the token itself is never in a line, a log or an exception.
 */
public final class GraphClient {
    public static final String MASK = "********";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration readTimeout;

    /**
     * @param ssl the gateway's trust (its pinned certificates beside the system's authorities)
     */
    public GraphClient(SSLContext ssl, Duration connectTimeout, Duration readTimeout) {
        SSLParameters params = ssl.getDefaultSSLParameters();
        // HttpClient checks the host name itself; this keeps it on should a default ever change.
        params.setEndpointIdentificationAlgorithm("HTTPS");
        this.http = HttpClient.newBuilder().sslContext(ssl).sslParameters(params).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
    }

    /** Where a mailbox's messages are posted: {@code {graphUrl}/v1.0/users/{mailbox}/sendMail}. */
    public static URI sendMailUri(String graphUrl, String mailbox) {
        String base = graphUrl.endsWith("/") ? graphUrl.substring(0, graphUrl.length() - 1) : graphUrl;
        return URI.create(base + "/v1.0/users/" + URLEncoder.encode(mailbox, StandardCharsets.UTF_8).replace("+", "%20")
                + "/sendMail");
    }

    /**
     * Posts one MIME message for {@code mailbox} to send.
     *
     * @param token the application's access token; not kept
     * @param transcript each line of the exchange as the diagnosis shows it ("C: ..." / "S: ..."), token masked; null
     *                   when nobody listens
     * @throws IOException the endpoint could not be reached, TLS failed, or no answer came within the read timeout
     */
    public GraphReply sendMail(String graphUrl, String mailbox, char[] token, byte[] mime, Consumer<String> transcript)
            throws IOException, InterruptedException {
        URI uri = sendMailUri(graphUrl, mailbox);
        byte[] body = Base64.getEncoder().encode(mime);
        Consumer<String> say = transcript == null ? line -> { } : line -> transcript.accept(scrub(line, token));
        say.accept("C: POST " + uri.getRawPath() + " HTTP/1.1");
        say.accept("C: Host: " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
        say.accept("C: Authorization: Bearer " + MASK);
        say.accept("C: Content-Type: text/plain");
        say.accept("C: (the message as base64 MIME, " + body.length + " bytes)");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout)
                .header("Authorization", "Bearer " + new String(token))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        say.accept("S: " + (response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1") + " "
                + response.statusCode());
        for (String h : List.of("request-id", "client-request-id", "retry-after")) {
            response.headers().firstValue(h).ifPresent(v -> say.accept("S: " + h + ": " + oneLine(v)));
        }
        Duration retryAfter = retryAfter(response);
        if (response.statusCode() == 202) {
            return new GraphReply(202, null, null, null);
        }
        String code = null;
        String message = null;
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            code = error.hasNonNull("code") ? oneLine(error.get("code").asText()) : null;
            message = error.hasNonNull("message") ? oneLine(error.get("message").asText()) : null;
        } catch (IOException notJson) {
            // Graph's gateways sometimes answer with HTML: the status says enough.
        }
        if (code != null || message != null) {
            say.accept("S: error " + (code == null ? "" : code) + (message == null ? "" : ": " + message));
        }
        return new GraphReply(response.statusCode(), retryAfter, code, message);
    }

    /** Retry-After in seconds (Graph's form); an HTTP date or nonsense gives null, and the caller's own backoff. */
    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> v = response.headers().firstValue("Retry-After");
        if (v.isEmpty()) {
            return null;
        }
        try {
            long s = Long.parseLong(v.get().trim());
            return s < 0 ? null : Duration.ofSeconds(Math.min(s, 86_400));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A second net under the masking: a line that holds the token (an echoing server) is masked whole. */
    private static String scrub(String line, char[] token) {
        return token.length >= 8 && line.contains(new String(token)) ? MASK : line;
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
