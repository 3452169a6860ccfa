package io.cockpit.smtp.core.gateway;

import io.cockpit.smtp.core.access.Access;
import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.store.SealedSecret;
import io.cockpit.smtp.core.store.SecretBox;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code config rotate-key}: every secret the gateways hold, re-encrypted under a new key file. */
public final class KeyRotation {
    private final GatewayRepository repository;
    private final SecretBox secrets;
    private final Access access;

    public KeyRotation(GatewayRepository repository, SecretBox secrets, Access access) {
        this.repository = repository;
        this.secrets = secrets;
        this.access = access;
    }

    /**
     * Re-encrypts every stored secret under a new key. The new key is written beside the key file first; the secrets
     * are read, re-sealed and written back in one transaction that holds every gateway row (a secret that cannot be
     * read stops the rotation before anything changes); then the new key replaces the key file. The replaced key
     * stays beside it as a retired key, so a process that read a secret before the rotation can still open it.
     *
     * @return how many secrets were re-encrypted
     */
    public int rotate() throws SecretUnavailableException, IOException {
        access.require(Operation.KEY_ROTATE);
        SecretBox.Rotation rotation = secrets.startRotation();
        AtomicInteger count = new AtomicInteger();
        List<GatewayConfig> stored;
        try {
            stored = repository.resealAll(g -> reseal(g, rotation, count));
        } catch (SecretUnavailableException | RuntimeException e) {
            rotation.abandon();
            throw e;
        }
        rotation.complete();
        List<SealedSecret> still = new ArrayList<>();
        for (GatewayConfig g : stored) {
            still.add(g.password());
            still.add(g.oauth().clientSecret());
            still.add(g.oauth().refreshToken());
        }
        rotation.pruneRetired(still.stream().filter(Objects::nonNull).toList());
        return count.get();
    }

    private GatewayConfig reseal(GatewayConfig g, SecretBox.Rotation rotation, AtomicInteger count)
            throws SecretUnavailableException {
        GatewayConfig.OAuthSettings o = g.oauth();
        if (g.password() == null && o.clientSecret() == null && o.refreshToken() == null) {
            return g;
        }
        GatewayConfig.Builder b = g.toBuilder();
        if (g.password() != null) {
            b.password(reseal(g, GatewayField.PASSWORD, g.password(), rotation));
            count.incrementAndGet();
        }
        SealedSecret cs = o.clientSecret() == null ? null : reseal(g, GatewayField.OAUTH_CLIENT_SECRET, o.clientSecret(), rotation);
        SealedSecret rt = o.refreshToken() == null ? null : reseal(g, GatewayField.OAUTH_REFRESH_TOKEN, o.refreshToken(), rotation);
        count.addAndGet((cs == null ? 0 : 1) + (rt == null ? 0 : 1));
        b.oauth(new GatewayConfig.OAuthSettings(o.provider(), o.tenant(), o.clientId(), cs, o.tokenUrl(), o.scope(), rt));
        return b.build();
    }

    private SealedSecret reseal(GatewayConfig g, String field, SealedSecret s, SecretBox.Rotation rotation)
            throws SecretUnavailableException {
        String context = "gateway:" + g.name() + ":" + field;
        char[] plain = secrets.open(s, context);
        try {
            return rotation.seal(plain, context);
        } finally {
            Arrays.fill(plain, '\0');
        }
    }
}
