package io.cockpit.smtp.core.gateway;

import io.cockpit.smtp.core.store.SealedSecret;
import io.cockpit.smtp.core.store.SecretBox;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code config rotate-key}: every secret the gateways hold, re-encrypted under a new key file. */
public final class KeyRotation {
    private final GatewayRepository repository;
    private final SecretBox secrets;

    public KeyRotation(GatewayRepository repository, SecretBox secrets) {
        this.repository = repository;
        this.secrets = secrets;
    }

    /**
     * Re-encrypts every stored secret under a new key file. The new key is written beside the old one first, the
     * secrets are re-encrypted in one transaction, then the new key file replaces the old one; the old key is kept as
     * {@code <key>.old} until the next rotation.
     */
    public int rotate() throws SecretUnavailableException, IOException {
        Path keyFile = secrets.keyFile();
        Path fresh = keyFile.resolveSibling(keyFile.getFileName() + ".new");
        SecretBox next = SecretBox.createNew(fresh);
        List<GatewayConfig> all = repository.findAll();
        // Decrypt everything first: a secret that cannot be read stops the rotation before anything changes.
        List<GatewayConfig> resealed = new ArrayList<>();
        int count = 0;
        for (GatewayConfig g : all) {
            GatewayConfig.Builder b = g.toBuilder();
            if (g.password() != null) {
                b.password(reseal(g, GatewayField.PASSWORD, g.password(), next));
                count++;
            }
            GatewayConfig.OAuthSettings o = g.oauth();
            SealedSecret cs = o.clientSecret() == null ? null : reseal(g, GatewayField.OAUTH_CLIENT_SECRET, o.clientSecret(), next);
            SealedSecret rt = o.refreshToken() == null ? null : reseal(g, "oauth-refresh-token", o.refreshToken(), next);
            count += (cs == null ? 0 : 1) + (rt == null ? 0 : 1);
            b.oauth(new GatewayConfig.OAuthSettings(o.provider(), o.tenant(), o.clientId(), cs, o.tokenUrl(), o.scope(), rt));
            resealed.add(b.build());
        }
        repository.resealAll(g -> resealed.stream().filter(r -> r.name().equals(g.name())).findFirst().orElse(g));
        if (Files.exists(keyFile)) {
            Files.copy(keyFile, keyFile.resolveSibling(keyFile.getFileName() + ".old"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(fresh, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        secrets.reload();
        return count;
    }

    private SealedSecret reseal(GatewayConfig g, String field, SealedSecret s, SecretBox next) throws SecretUnavailableException {
        String context = "gateway:" + g.name() + ":" + field;
        char[] plain = secrets.open(s, context);
        try {
            return next.seal(plain, context);
        } finally {
            Arrays.fill(plain, '\0');
        }
    }
}
