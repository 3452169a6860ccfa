package io.cockpit.smtp.core.gateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A gateway as JSON: the {@code gateway show --json} object, and the gateway part of {@code config export}. Never a secret. */
public final class GatewayJson {
    /** Made on first use: building and printing a node needs no mapper, and making one costs a tenth of a second. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** The mapper that reads JSON and writes it as the contract prints it. */
    public static ObjectMapper mapper() {
        return Json.MAPPER;
    }

    private GatewayJson() {
    }

    /** The object {@code gateway show --json} prints. */
    public static ObjectNode show(GatewayConfig g) {
        ObjectNode o = common(g);
        o.put("helo", g.helo() != null ? g.helo() : localHostName());
        o.put("heloIsDefault", g.helo() == null);
        o.put("version", g.version());
        return o;
    }

    /** The gateway in an export: re-importable, secrets left out, pinned certificates with their PEM. */
    public static ObjectNode export(GatewayConfig g) {
        ObjectNode o = common(g);
        o.put("helo", g.helo());
        ArrayNode pems = o.putArray("trustedCertificatePems");
        g.trustedCertificates().forEach(t -> pems.add(t.pem()));
        return o;
    }

    private static ObjectNode common(GatewayConfig g) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", g.name());
        o.put("status", g.status().cliName());
        o.put("engine", g.engine());
        o.put("server", g.server());
        o.put("port", g.port());
        o.put("security", g.security().cliName());
        o.put("auth", g.auth().cliName());
        o.put("username", g.username());
        o.put("passwordSet", g.passwordSet());
        ObjectNode oauth = o.putObject("oauth");
        GatewayConfig.OAuthSettings s = g.oauth();
        oauth.put("provider", s.provider() == null ? null : s.provider().cliName());
        oauth.put("tenant", s.tenant());
        oauth.put("clientId", s.clientId());
        oauth.put("clientSecretSet", s.clientSecret() != null);
        oauth.put("tokenUrl", s.tokenUrl());
        oauth.put("scope", s.scope());
        oauth.put("refreshTokenSet", s.refreshToken() != null);
        o.put("from", g.from());
        o.put("replyTo", g.replyTo());
        o.put("displayName", g.displayName());
        ArrayNode certs = o.putArray("trustedCertificates");
        g.trustedCertificates().forEach(t -> certs.add(t.fingerprint()));
        o.put("connectTimeoutSeconds", g.connectTimeoutSeconds());
        o.put("readTimeoutSeconds", g.readTimeoutSeconds());
        o.put("maxPerMinute", g.maxPerMinute());
        o.put("maxRecipientsPerDay", g.maxRecipientsPerDay());
        o.put("preconfigured", g.preconfigured());
        o.put("transport", g.transport().cliName());
        o.put("graphUrl", g.graphUrl());
        return o;
    }

    /**
     * Reads an exported gateway over {@code base}: fields absent from the JSON keep their value in base, secrets always
     * do (an export never holds them). Pinned certificates are taken from {@code trustedCertificatePems} by the caller,
     * who can parse PEM; here they are kept as given.
     */
    public static GatewayConfig read(JsonNode o, GatewayConfig base, List<TrustedCertificate> pinned) throws ValidationException {
        GatewayConfig.Builder b = base.toBuilder();
        if (o.has("status")) b.status(choice(o, "status", GatewayStatus.class));
        if (o.has("engine")) b.engine(text(o, "engine"));
        if (o.has("server")) b.server(text(o, "server"));
        if (o.has("port")) b.port(integer(o, "port"));
        if (o.has("security")) b.security(choice(o, "security", Security.class));
        if (o.has("helo")) b.helo(text(o, "helo"));
        if (o.has("auth")) b.auth(choice(o, "auth", Authentication.class));
        if (o.has("username")) b.username(text(o, "username"));
        if (o.has("from")) b.from(text(o, "from"));
        if (o.has("replyTo")) b.replyTo(text(o, "replyTo"));
        if (o.has("displayName")) b.displayName(text(o, "displayName"));
        if (o.has("connectTimeoutSeconds")) b.connectTimeoutSeconds(integer(o, "connectTimeoutSeconds"));
        if (o.has("readTimeoutSeconds")) b.readTimeoutSeconds(integer(o, "readTimeoutSeconds"));
        if (o.has("maxPerMinute")) b.maxPerMinute(integer(o, "maxPerMinute"));
        if (o.has("maxRecipientsPerDay")) b.maxRecipientsPerDay(integer(o, "maxRecipientsPerDay"));
        if (o.has("transport")) b.transport(choice(o, "transport", Transport.class));
        if (o.has("graphUrl")) b.graphUrl(text(o, "graphUrl"));
        if (pinned != null) b.trustedCertificates(pinned);
        JsonNode oa = o.get("oauth");
        if (oa != null && oa.isObject()) {
            GatewayConfig.OAuthSettings s = base.oauth();
            OAuthProvider provider = oa.hasNonNull("provider") ? choice(oa, "provider", OAuthProvider.class) : null;
            b.oauth(new GatewayConfig.OAuthSettings(provider, text(oa, "tenant"), text(oa, "clientId"), s.clientSecret(),
                    text(oa, "tokenUrl"), text(oa, "scope"), s.refreshToken()));
        }
        return b.build();
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static int integer(JsonNode o, String key) throws ValidationException {
        JsonNode n = o.get(key);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
            throw ValidationException.of(key, Problem.NUMBER_INVALID);
        }
        return n.intValue();
    }

    private static <E extends Enum<E>> E choice(JsonNode o, String key, Class<E> type) throws ValidationException {
        String t = text(o, key);
        try {
            return Enum.valueOf(type, t == null ? "" : t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(key, Problem.CHOICE_INVALID);
        }
    }

    public static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    public static List<String> fingerprints(GatewayConfig g) {
        List<String> out = new ArrayList<>();
        g.trustedCertificates().forEach(t -> out.add(t.fingerprint()));
        return out;
    }
}
