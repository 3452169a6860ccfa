package io.cockpit.smtp.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SaaS preset: {@code COCKPIT_SMTP_PRESET} names a JSON file in the shape of {@code config export}; when the
 * store has no gateway yet, the portal's gateway starts from its "gateway" object.
 */
public final class PresetLoader {
    public static final String ENV = "COCKPIT_SMTP_PRESET";
    private static final Logger LOG = LoggerFactory.getLogger(PresetLoader.class);

    private PresetLoader() {
    }

    public static Optional<GatewayConfig> fromEnvironment() {
        String file = System.getenv(ENV);
        return file == null || file.isBlank() ? Optional.empty() : fromFile(Path.of(file));
    }

    public static Optional<GatewayConfig> fromFile(Path file) {
        try {
            JsonNode root = GatewayJson.mapper().readTree(Files.readString(file));
            JsonNode g = root.has("gateway") ? root.get("gateway") : root;
            List<io.cockpit.smtp.core.gateway.TrustedCertificate> pinned =
                    TrustedCertificates.fromPems(g.path("trustedCertificatePems"));
            return Optional.of(GatewayJson.read(g, GatewayConfig.defaults(GatewayConfig.PORTAL), pinned));
        } catch (Exception e) {
            LOG.warn("the preset {} could not be read and was ignored: {}", file, e.getMessage());
            return Optional.empty();
        }
    }
}
