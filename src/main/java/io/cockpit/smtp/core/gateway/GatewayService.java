package io.cockpit.smtp.core.gateway;

import io.cockpit.smtp.core.access.Access;
import io.cockpit.smtp.core.access.Caller;
import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.history.Author;
import io.cockpit.smtp.core.history.ChangeLog;
import io.cockpit.smtp.core.history.ChangeSource;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.store.SealedSecret;
import io.cockpit.smtp.core.store.SecretBox;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loading, validating and saving gateways: the one service behind the Passerelle SMTP screen and {@code gateway set}.
 */
public final class GatewayService {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayService.class);

    private final GatewayRepository repository;
    private final Supplier<List<String>> engineNames;
    private final SecretBox secrets;
    private final Supplier<Optional<GatewayConfig>> preset;
    private final Access access;
    private final List<Consumer<GatewayConfig>> savedListeners = new CopyOnWriteArrayList<>();

    /**
     * @param engineNames the registered engines, which the gateway's engine must be one of
     * @param preset the SaaS preset for the portal's gateway, used when none is stored yet (empty: none)
     * @param access who saves, and whether their role allows it
     */
    public GatewayService(GatewayRepository repository, Supplier<List<String>> engineNames, SecretBox secrets,
                          Supplier<Optional<GatewayConfig>> preset, Access access) {
        this.repository = repository;
        this.engineNames = engineNames;
        this.secrets = secrets;
        this.preset = preset;
        this.access = access;
    }

    /**
     * The stored gateway; for the portal's, when none is stored, the preset (saved at once, when the caller may save
     * a gateway; else only shown) or the defaults.
     */
    public GatewayConfig load(String name) {
        Optional<GatewayConfig> stored = repository.find(name);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (GatewayConfig.PORTAL.equals(name)) {
            Optional<GatewayConfig> p = preset.get();
            if (p.isPresent()) {
                GatewayConfig seeded = p.get().toBuilder().name(name).preconfigured(true).version(0).build();
                if (!access.allows(Operation.GATEWAY_SAVE)) {
                    return seeded;
                }
                try {
                    GatewayConfig saved = save(seeded);
                    LOG.info("portal gateway seeded from the preset");
                    return saved;
                } catch (ConflictException raced) {
                    return repository.find(name).orElseThrow();
                } catch (ValidationException e) {
                    LOG.warn("the preset gateway is invalid and was ignored: {}", e.getMessage());
                }
            }
        }
        return GatewayConfig.defaults(name);
    }

    /**
     * Refuses, before anything starts, a caller whose role may not change a gateway (an OAuth authorisation that would
     * end in a save).
     *
     * @throws io.cockpit.smtp.core.access.NotPermittedException the caller is not an administrator
     */
    public void requireMayChange() {
        access.require(Operation.GATEWAY_SAVE);
    }

    /** Called, on the saving thread, after each successful save (the console's status bar follows the gateway). */
    public void addSavedListener(Consumer<GatewayConfig> listener) {
        savedListeners.add(listener);
    }

    public void removeSavedListener(Consumer<GatewayConfig> listener) {
        savedListeners.remove(listener);
    }

    public GatewayConfig loadPortal() {
        return load(GatewayConfig.PORTAL);
    }

    public List<String> engineNames() {
        return engineNames.get();
    }

    /** Everything wrong with the configuration (errors and warnings). */
    public List<FieldProblem> check(GatewayConfig config) {
        return GatewayValidator.validate(config, engineNames.get());
    }

    /**
     * Validates, then saves over {@code config.version()}: all or nothing, with the history of changed fields.
     *
     * @throws ValidationException a field is invalid; nothing was saved
     * @throws ConflictException the stored version is newer; nothing was saved
     * @throws io.cockpit.smtp.core.access.NotPermittedException the caller is not an administrator; nothing was saved
     */
    public GatewayConfig save(GatewayConfig config) throws ValidationException, ConflictException {
        return save(config, null);
    }

    /** As {@link #save(GatewayConfig)}, the history saying it came from {@code source} (null: this process's usual). */
    public GatewayConfig save(GatewayConfig config, ChangeSource source) throws ValidationException, ConflictException {
        Caller caller = access.require(Operation.GATEWAY_SAVE);
        ValidationException.throwIfErrors(check(config));
        GatewayConfig before = repository.find(config.name()).orElse(GatewayConfig.defaults(config.name()));
        GatewayConfig normalized = normalize(config);
        ChangeLog log = diff(before, normalized, source == null ? caller.author() : caller.author(source));
        GatewayConfig saved = repository.save(normalized, log.entries());
        LOG.info("gateway '{}' saved as version {} ({} field(s) changed)", saved.name(), saved.version(), log.entries().size());
        for (Consumer<GatewayConfig> l : savedListeners) {
            l.accept(saved);
        }
        return saved;
    }

    /** Blank optional text becomes null; surrounding spaces go. */
    static GatewayConfig normalize(GatewayConfig c) {
        return c.toBuilder()
                .server(trim(c.server()))
                .helo(trim(c.helo()))
                .username(c.username() == null || c.username().isEmpty() ? null : c.username())
                .from(trim(c.from()))
                .replyTo(trim(c.replyTo()))
                .displayName(c.displayName() == null || c.displayName().isBlank() ? null : c.displayName().strip())
                .graphUrl(trim(c.graphUrl()))
                .build();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static ChangeLog diff(GatewayConfig a, GatewayConfig b, Author author) {
        ChangeLog log = new ChangeLog("gateway:" + b.name(), author);
        log.field(GatewayField.STATUS, a.status(), b.status())
                .field(GatewayField.ENGINE, a.engine(), b.engine())
                .field(GatewayField.SERVER, a.server(), b.server())
                .field(GatewayField.PORT, a.port(), b.port())
                .field(GatewayField.SECURITY, a.security(), b.security())
                .field(GatewayField.HELO, a.helo(), b.helo())
                .field(GatewayField.AUTH, a.auth(), b.auth())
                .field(GatewayField.USERNAME, a.username(), b.username())
                .secret(GatewayField.PASSWORD, a.password(), b.password())
                .field(GatewayField.OAUTH_PROVIDER, a.oauth().provider(), b.oauth().provider())
                .field(GatewayField.OAUTH_TENANT, a.oauth().tenant(), b.oauth().tenant())
                .field(GatewayField.OAUTH_CLIENT_ID, a.oauth().clientId(), b.oauth().clientId())
                .secret(GatewayField.OAUTH_CLIENT_SECRET, a.oauth().clientSecret(), b.oauth().clientSecret())
                .field(GatewayField.OAUTH_TOKEN_URL, a.oauth().tokenUrl(), b.oauth().tokenUrl())
                .field(GatewayField.OAUTH_SCOPE, a.oauth().scope(), b.oauth().scope())
                .field(GatewayField.FROM, a.from(), b.from())
                .field(GatewayField.REPLY_TO, a.replyTo(), b.replyTo())
                .field(GatewayField.DISPLAY_NAME, a.displayName(), b.displayName())
                .field(GatewayField.TRUSTED_CERTS, a.trustedCertificates().stream().map(TrustedCertificate::fingerprint).toList(),
                        b.trustedCertificates().stream().map(TrustedCertificate::fingerprint).toList())
                .field(GatewayField.CONNECT_TIMEOUT, a.connectTimeoutSeconds(), b.connectTimeoutSeconds())
                .field(GatewayField.READ_TIMEOUT, a.readTimeoutSeconds(), b.readTimeoutSeconds())
                .field(GatewayField.MAX_PER_MINUTE, a.maxPerMinute(), b.maxPerMinute())
                .field(GatewayField.MAX_RECIPIENTS_PER_DAY, a.maxRecipientsPerDay(), b.maxRecipientsPerDay())
                .field(GatewayField.TRANSPORT, a.transport(), b.transport())
                .field(GatewayField.GRAPH_URL, a.graphUrl(), b.graphUrl());
        return log;
    }

    /** Encrypts a password typed for this gateway; the caller should clear its array afterwards. */
    public SealedSecret sealPassword(String gatewayName, char[] password) {
        return secrets.seal(password, secretContext(gatewayName, GatewayField.PASSWORD));
    }

    public SealedSecret sealSecret(String gatewayName, String field, char[] secret) {
        return secrets.seal(secret, secretContext(gatewayName, field));
    }

    /**
     * Stores the refresh token a provider issued in place of {@code used} (single-use refresh tokens: the used one is
     * dead). Nothing is stored when the gateway meanwhile holds another token than {@code used} (re-authorised, or
     * rotated by another engine first); a key rotation in between only changes the ciphertext, so it is tried again.
     *
     * @return the new sealed token as stored, empty when another one was kept
     */
    public Optional<SealedSecret> replaceRefreshToken(String gatewayName, char[] used, char[] fresh)
            throws SecretUnavailableException {
        for (int attempt = 0; attempt < 3; attempt++) {
            GatewayConfig current = repository.find(gatewayName).orElse(null);
            SealedSecret stored = current == null ? null : current.oauth().refreshToken();
            if (stored == null) {
                return Optional.empty();
            }
            char[] plain = openSecret(current, GatewayField.OAUTH_REFRESH_TOKEN, stored);
            boolean same = java.util.Arrays.equals(plain, used);
            java.util.Arrays.fill(plain, '\0');
            if (!same) {
                return Optional.empty();
            }
            SealedSecret next = sealSecret(gatewayName, GatewayField.OAUTH_REFRESH_TOKEN, fresh);
            if (repository.replaceRefreshToken(gatewayName, stored, next)) {
                LOG.info("gateway '{}': the provider rotated the refresh token; the new one is stored", gatewayName);
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }

    /** The plain password, for the mail code only; never log or print it. */
    public char[] openPassword(GatewayConfig config) throws SecretUnavailableException {
        return secrets.open(config.password(), secretContext(config.name(), GatewayField.PASSWORD));
    }

    public char[] openSecret(GatewayConfig config, String field, SealedSecret sealed) throws SecretUnavailableException {
        return secrets.open(sealed, secretContext(config.name(), field));
    }

    /**
     * Opens the gateway's stored password or OAuth client secret and forgets it at once: fails when this process's key
     * file is missing or is not the one it was sealed with (an engine on another machine without the store's key file).
     * A gateway with no stored secret has nothing to check.
     */
    public void checkSecretsReadable(GatewayConfig config) throws SecretUnavailableException {
        char[] plain = null;
        try {
            if (config.password() != null) {
                plain = openPassword(config);
            } else if (config.oauth() != null && config.oauth().clientSecret() != null) {
                plain = openSecret(config, GatewayField.OAUTH_CLIENT_SECRET, config.oauth().clientSecret());
            }
        } finally {
            if (plain != null) {
                java.util.Arrays.fill(plain, '\0');
            }
        }
    }

    /**
     * The ciphertext is bound to its gateway and field, so a password stays valid for the gateway it was typed for.
     * Engines' specific gateways seal under their own name.
     */
    private static String secretContext(String gatewayName, String field) {
        return "gateway:" + gatewayName + ":" + field;
    }
}
