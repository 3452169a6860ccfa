package io.cockpit.smtp.core;

import io.cockpit.smtp.core.engine.EngineOverview;
import io.cockpit.smtp.core.engine.EngineRegistration;
import io.cockpit.smtp.core.engine.EngineRegistry;
import io.cockpit.smtp.core.engine.EngineRegistryRepository;
import io.cockpit.smtp.core.engine.EngineRunner;
import io.cockpit.smtp.core.engine.EngineWork;
import io.cockpit.smtp.core.engine.diagnosis.DiagnosisRequestRepository;
import io.cockpit.smtp.core.engine.diagnosis.DiagnosisRequests;
import io.cockpit.smtp.core.engine.diagnosis.RemoteDiagnosis;
import io.cockpit.smtp.core.format.EmailFormat;
import io.cockpit.smtp.core.format.EmailFormatRepository;
import io.cockpit.smtp.core.format.FormatService;
import io.cockpit.smtp.core.gateway.GatewayRepository;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.gateway.KeyRotation;
import io.cockpit.smtp.core.gateway.PresetLoader;
import io.cockpit.smtp.core.history.ChangeHistory;
import io.cockpit.smtp.core.history.HistoryRepository;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisService;
import io.cockpit.smtp.core.oauth.GatewaySecrets;
import io.cockpit.smtp.core.oauth.OAuthTokenService;
import io.cockpit.smtp.core.outbox.OutboxClaimRepository;
import io.cockpit.smtp.core.outbox.OutboxEvents;
import io.cockpit.smtp.core.outbox.OutboxRepository;
import io.cockpit.smtp.core.outbox.OutboxService;
import io.cockpit.smtp.core.outbox.PortalLinks;
import io.cockpit.smtp.core.outbox.SenderService;
import io.cockpit.smtp.core.outbox.SendCountRepository;
import io.cockpit.smtp.core.outbox.SenderSettings;
import io.cockpit.smtp.core.outbox.TestEmailHistory;
import io.cockpit.smtp.core.store.Database;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.SecretBox;
import io.cockpit.smtp.core.store.StoreException;
import io.cockpit.smtp.core.transfer.ConfigTransfer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The core composition root: one per process, shared by the console's screens, the CLI's commands and the engine.
 * Screens and commands take what they need from here, so both call the very same services.
 */
public final class CoreServices implements AutoCloseable {
    private final DbLocation location;
    private final Database database;
    private final SecretBox secrets;
    private final GatewayService gateways;
    private final KeyRotation keyRotation;
    private final ChangeHistory history;
    private final FormatService formats;
    private final ConfigTransfer transfer;
    private final OAuthTokenService oauth;
    private final GatewaySecrets gatewaySecrets;
    private final EngineRegistry engineRegistry;
    private final EngineOverview engineOverview;
    private final DiagnosisRequestRepository diagnosisRequests;
    private final RemoteDiagnosis remoteDiagnosis;
    private final OutboxClaimRepository outboxClaims;
    private final SendCountRepository sendCounts;
    private final OutboxService outbox;
    private final DiagnosisService diagnosis;
    private volatile SenderSettings senderSettings = SenderSettings.DEFAULT;

    private CoreServices(DbLocation location, Database database) {
        Clock clock = Clock.systemUTC();
        this.location = location;
        this.database = database;
        this.secrets = new SecretBox(location.keyFile());
        this.history = new ChangeHistory(new HistoryRepository(database));
        EngineRegistryRepository engineRows = new EngineRegistryRepository(database);
        this.engineRegistry = new EngineRegistry(engineRows, clock);
        GatewayRepository gatewayRepository = new GatewayRepository(database);
        this.gateways = new GatewayService(gatewayRepository, engineRegistry::names, secrets, PresetLoader::fromEnvironment);
        this.keyRotation = new KeyRotation(gatewayRepository, secrets);
        this.formats = new FormatService(new EmailFormatRepository(database));
        this.transfer = new ConfigTransfer(gateways, formats, database);
        this.oauth = new OAuthTokenService(gateways, Duration.ofSeconds(20), clock);
        this.gatewaySecrets = new GatewaySecrets(gateways, oauth);
        this.outboxClaims = new OutboxClaimRepository(database);
        this.sendCounts = new SendCountRepository(database);
        this.outbox = new OutboxService(new OutboxRepository(database), engineRows, gateways, new OutboxEvents(), clock);
        // The outbox links to the portal URLs and renders report subjects from the Email-format feature's templates.
        outbox.usePortalLinks(() -> {
            EmailFormat f = formats.load();
            return PortalLinks.of(f.userUrl(), f.operatorUrl());
        });
        outbox.useReportSubjects((lang, vars) -> formats.reportSubject(formats.load(), lang, vars));
        this.diagnosis = new DiagnosisService(gatewaySecrets, TestEmailHistory.into(outbox));
        this.engineOverview = new EngineOverview(engineRegistry, outbox::countsByEngine);
        this.diagnosisRequests = new DiagnosisRequestRepository(database);
        this.remoteDiagnosis = new RemoteDiagnosis(diagnosisRequests, engineRegistry, outbox::gatewayFor, clock);
    }

    /** Opens the store (creating and migrating it); throws {@link StoreException} in plain words. */
    public static CoreServices open(DbLocation location) {
        return new CoreServices(location, Database.open(location));
    }

    public DbLocation location() { return location; }
    public Database database() { return database; }
    public SecretBox secrets() { return secrets; }
    public GatewayService gateways() { return gateways; }
    public KeyRotation keyRotation() { return keyRotation; }
    public ChangeHistory history() { return history; }
    public FormatService formats() { return formats; }
    public ConfigTransfer transfer() { return transfer; }
    public OAuthTokenService oauth() { return oauth; }
    /** The password or OAuth access token a gateway authenticates with: what sending and diagnosis use. */
    public GatewaySecrets gatewaySecrets() { return gatewaySecrets; }
    public EngineRegistry engineRegistry() { return engineRegistry; }
    /** The engines with their state and message counts (the Moteurs screen, {@code engine list}). */
    public EngineOverview engineOverview() { return engineOverview; }
    public OutboxService outbox() { return outbox; }
    public DiagnosisService diagnosis() { return diagnosis; }
    /** "Tester depuis le moteur": the diagnosis run by an engine from its own machine, followed through the store. */
    public RemoteDiagnosis remoteDiagnosis() { return remoteDiagnosis; }

    /** Batch size, polling and retry policy of the senders made from now on (tests shorten the backoff). */
    public void senderSettings(SenderSettings settings) { this.senderSettings = settings; }

    /** A sender for the engine {@code registration} holds, claiming as its holder; it publishes on the outbox's events. */
    public SenderService sender(EngineRegistration registration) {
        return sender(registration, registration.holder(), null);
    }

    /**
     * A sender for the engine {@code registration} holds, claiming as {@code claimant}.
     *
     * @param deadEpoch the epoch of a previous holder whose process is gone; null when none
     */
    public SenderService sender(EngineRegistration registration, String claimant, Long deadEpoch) {
        return new SenderService(registration, claimant, deadEpoch, outboxClaims, gatewaySecrets, outbox::gatewayFor,
                outbox.events(), senderSettings, sendCounts, Clock.systemUTC());
    }

    /** Runs {@code engine} in this process (the console or {@code engine run}): its sender and its diagnosis runs. */
    public EngineRunner engineRunner(String engine) {
        return new EngineRunner(engineRegistry, engine, (registration, deadEpoch) -> EngineWork.all(List.of(
                sender(registration, registration.holder(), deadEpoch),
                new DiagnosisRequests(registration, diagnosisRequests, diagnosis, outbox::gatewayFor,
                        senderSettings.poll(), Clock.systemUTC()))));
    }

    @Override
    public void close() {
        database.close();
    }
}
