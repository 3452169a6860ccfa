package io.cockpit.smtp.core;

import io.cockpit.smtp.core.config.PresetLoader;
import io.cockpit.smtp.core.format.FormatService;
import io.cockpit.smtp.core.engine.EngineRegistry;
import io.cockpit.smtp.core.engine.EngineRunner;
import io.cockpit.smtp.core.outbox.OutboxEvents;
import io.cockpit.smtp.core.outbox.OutboxService;
import io.cockpit.smtp.core.outbox.SenderService;
import io.cockpit.smtp.core.outbox.SenderSettings;
import io.cockpit.smtp.core.store.EngineRegistryRepository;
import io.cockpit.smtp.core.store.OutboxRepository;
import java.time.Clock;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisService;
import io.cockpit.smtp.core.store.Database;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.EmailFormatRepository;
import io.cockpit.smtp.core.store.EngineRepository;
import io.cockpit.smtp.core.store.GatewayRepository;
import io.cockpit.smtp.core.store.HistoryRepository;
import io.cockpit.smtp.core.store.SecretBox;

/**
 * The core composition root: one per process, shared by the console's screens, the CLI's commands and the engine.
 * Screens and commands take what they need from here, so both call the very same services.
 */
public final class CoreServices implements AutoCloseable {
    private final DbLocation location;
    private final Database database;
    private final SecretBox secrets;
    private final GatewayService gateways;
    private final EngineRepository engines;
    private final HistoryRepository history;
    private final DiagnosisService diagnosis;
    private final OutboxRepository outboxRepository;
    private final EngineRegistry engineRegistry;
    private final OutboxService outbox;
    private volatile SenderSettings senderSettings = SenderSettings.DEFAULT;
    private final io.cockpit.smtp.core.config.ConfigService config;
    private final io.cockpit.smtp.core.oauth.OAuthTokenService oauth;
    private final io.cockpit.smtp.core.oauth.GatewaySecrets gatewaySecrets;
    private final FormatService formats;

    private CoreServices(DbLocation location, Database database) {
        this.location = location;
        this.database = database;
        this.secrets = new SecretBox(location.keyFile());
        this.engines = new EngineRepository(database);
        this.history = new HistoryRepository(database);
        GatewayRepository gatewayRepository = new GatewayRepository(database);
        this.gateways = new GatewayService(gatewayRepository, engines, secrets, PresetLoader::fromEnvironment);
        this.formats = new FormatService(new EmailFormatRepository(database));
        this.config = new io.cockpit.smtp.core.config.ConfigService(gateways, gatewayRepository, formats, secrets, database);
        this.oauth = new io.cockpit.smtp.core.oauth.OAuthTokenService(gateways, java.time.Duration.ofSeconds(20),
                java.time.Clock.systemUTC());
        this.gatewaySecrets = new io.cockpit.smtp.core.oauth.GatewaySecrets(gateways, oauth);
        this.outboxRepository = new OutboxRepository(database);
        EngineRegistryRepository engineRows = new EngineRegistryRepository(database);
        this.engineRegistry = new EngineRegistry(engineRows, Clock.systemUTC());
        this.outbox = new OutboxService(outboxRepository, engineRows, gateways, new OutboxEvents(), Clock.systemUTC());
        // The outbox links to the portal URLs and renders report subjects with the Email format's own code, so that
        // what is sent is what the Format des emails preview and `template preview` show.
        outbox.usePortalLinks(() -> {
            io.cockpit.smtp.core.format.EmailFormat f = formats.load();
            return new io.cockpit.smtp.core.outbox.PortalLinks() {
                @Override public String userUrl() { return f.userUrl(); }
                @Override public String operatorUrl() { return f.operatorUrl(); }
            };
        });
        outbox.useReportSubjects((lang, vars) -> formats.reportSubject(formats.load(), lang, vars));
        this.diagnosis = new DiagnosisService(gatewaySecrets, TestEmailHistory.into(outbox));
    }

    /** Opens the store (creating and migrating it); throws {@link io.cockpit.smtp.core.store.StoreException} in plain words. */
    public static CoreServices open(DbLocation location) {
        return new CoreServices(location, Database.open(location));
    }

    public DbLocation location() { return location; }
    public Database database() { return database; }
    public SecretBox secrets() { return secrets; }
    public GatewayService gateways() { return gateways; }
    public EngineRepository engines() { return engines; }
    public HistoryRepository history() { return history; }
    public DiagnosisService diagnosis() { return diagnosis; }
    public OutboxService outbox() { return outbox; }
    public EngineRegistry engineRegistry() { return engineRegistry; }

    /** Batch size, polling and retry policy of the senders made from now on (tests shorten the backoff). */
    public void senderSettings(SenderSettings settings) { this.senderSettings = settings; }

    /** A sender for {@code engine} claiming as {@code claimant}; it publishes on the outbox's events. */
    public SenderService sender(String engine, String claimant) {
        return new SenderService(engine, claimant, outboxRepository, gatewaySecrets, outbox::gatewayFor, outbox.events(),
                senderSettings, Clock.systemUTC());
    }

    /** Runs {@code engine} in this process (the console or {@code engine run}). */
    public EngineRunner engineRunner(String engine) {
        return new EngineRunner(engineRegistry, engine, holder -> sender(engine, holder));
    }
    public io.cockpit.smtp.core.config.ConfigService config() { return config; }
    public io.cockpit.smtp.core.oauth.OAuthTokenService oauth() { return oauth; }
    /** The password or OAuth access token a gateway authenticates with: what sending and diagnosis use. */
    public io.cockpit.smtp.core.oauth.GatewaySecrets gatewaySecrets() { return gatewaySecrets; }
    public FormatService formats() { return formats; }

    @Override
    public void close() {
        database.close();
    }
}
