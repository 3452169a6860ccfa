package io.cockpit.smtp.core.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The application permissions an access token carries, read from its {@code roles} claim. Microsoft's tokens are JWTs
 * whose payload any holder may read; the signature is Graph's to check, not ours, so it is not verified here: this
 * only lets the diagnosis say "Mail.Send is missing" before a message is refused for it.
 */
public final class TokenClaims {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenClaims() {
    }

    /** The roles, or empty when the token is not a JWT or has no roles claim (nothing can be told before sending). */
    public static Optional<List<String>> roles(char[] token) {
        String t = new String(token);
        String[] parts = t.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode roles = payload.get("roles");
            if (roles == null || !roles.isArray()) {
                return Optional.empty();
            }
            List<String> out = new ArrayList<>();
            roles.forEach(r -> out.add(r.asText()));
            return Optional.of(out);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
