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
import io.cockpit.smtp.core.store.StoreCopy;
import io.cockpit.smtp.core.store.StoreException;
import io.cockpit.smtp.core.transfer.ConfigTransfer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The core composition root: one per process, shared by the console's screens, the CLI's commands and the engine.
 * Screens and commands take what they need from here, so both call the very same services.
 *
 * <p>Each service is made on first use (once, whichever thread asks): a command uses two or three of them, and
 * making the others would load their classes (mail, diagnosis, export) for nothing at every start.
 */
public final class CoreServices implements AutoCloseable {
    private final DbLocation location;
    private final Database database;
    private final Clock clock = Clock.systemUTC();
    private final Once<SecretBox> secrets;
    private final Once<EngineRegistryRepository> engineRows;
    private final Once<EngineRegistry> engineRegistry;
    private final Once<GatewayRepository> gatewayRepository;
    private final Once<GatewayService> gateways;
    private final Once<KeyRotation> keyRotation;
    private final Once<ChangeHistory> history;
    private final Once<FormatService> formats;
    private final Once<ConfigTransfer> transfer;
    private final Once<OAuthTokenService> oauth;
    private final Once<GatewaySecrets> gatewaySecrets;
    private final Once<OutboxRepository> outboxRepository;
    private final Once<OutboxClaimRepository> outboxClaims;
    private final Once<SendCountRepository> sendCounts;
    private final Once<OutboxService> outbox;
    private final Once<DiagnosisService> diagnosis;
    private final Once<EngineOverview> engineOverview;
    private final Once<DiagnosisRequestRepository> diagnosisRequests;
    private final Once<RemoteDiagnosis> remoteDiagnosis;
    private volatile SenderSettings senderSettings = SenderSettings.DEFAULT;

    private CoreServices(DbLocation location, Database database) {
        this.location = location;
        this.database = database;
        this.secrets = new Once<>(() -> new SecretBox(location.keyFile()));
        this.history = new Once<>(() -> new ChangeHistory(new HistoryRepository(database)));
        this.engineRows = new Once<>(() -> new EngineRegistryRepository(database));
        this.engineRegistry = new Once<>(() -> new EngineRegistry(engineRows.get(), clock));
        this.gatewayRepository = new Once<>(() -> new GatewayRepository(database));
        this.gateways = new Once<>(() -> new GatewayService(gatewayRepository.get(), () -> engineRegistry.get().names(),
                secrets.get(), PresetLoader::fromEnvironment));
        this.keyRotation = new Once<>(() -> new KeyRotation(gatewayRepository.get(), secrets.get()));
        this.formats = new Once<>(() -> new FormatService(new EmailFormatRepository(database)));
        this.transfer = new Once<>(() -> new ConfigTransfer(gateways.get(), formats.get(), database));
        this.oauth = new Once<>(() -> new OAuthTokenService(gateways.get(), Duration.ofSeconds(20), clock));
        this.gatewaySecrets = new Once<>(() -> new GatewaySecrets(gateways.get(), oauth.get()));
        this.outboxRepository = new Once<>(() -> new OutboxRepository(database));
        this.outboxClaims = new Once<>(() -> new OutboxClaimRepository(database));
        this.sendCounts = new Once<>(() -> new SendCountRepository(database));
        this.outbox = new Once<>(() -> {
            OutboxService o = new OutboxService(outboxRepository.get(), engineRows.get(), gateways.get(), new OutboxEvents(), clock);
            // The outbox links to the portal URLs and renders report subjects from the Email-format feature's templates.
            FormatService f = formats.get();
            o.usePortalLinks(() -> {
                EmailFormat format = f.load();
                return PortalLinks.of(format.userUrl(), format.operatorUrl());
            });
            o.useReportSubjects((lang, vars) -> f.reportSubject(f.load(), lang, vars));
            return o;
        });
        this.diagnosis = new Once<>(() -> new DiagnosisService(gatewaySecrets.get(), TestEmailHistory.into(outbox.get())));
        this.engineOverview = new Once<>(() -> new EngineOverview(engineRegistry.get(), () -> outbox.get().countsByEngine()));
        this.diagnosisRequests = new Once<>(() -> new DiagnosisRequestRepository(database));
        this.remoteDiagnosis = new Once<>(() -> new RemoteDiagnosis(diagnosisRequests.get(), engineRegistry.get(),
                outbox.get()::gatewayFor, clock));
    }

    /** Opens the store (creating and migrating it); throws {@link StoreException} in plain words. */
    public static CoreServices open(DbLocation location) {
        return new CoreServices(location, Database.open(location));
    }

    public DbLocation location() { return location; }
    public Database database() { return database; }
    public SecretBox secrets() { return secrets.get(); }
    public GatewayService gateways() { return gateways.get(); }
    public KeyRotation keyRotation() { return keyRotation.get(); }
    public ChangeHistory history() { return history.get(); }
    public FormatService formats() { return formats.get(); }
    public ConfigTransfer transfer() { return transfer.get(); }
    public OAuthTokenService oauth() { return oauth.get(); }
    /** The password or OAuth access token a gateway authenticates with: what sending and diagnosis use. */
    public GatewaySecrets gatewaySecrets() { return gatewaySecrets.get(); }
    public EngineRegistry engineRegistry() { return engineRegistry.get(); }
    /** The engines with their state and message counts (the Moteurs screen, {@code engine list}). */
    public EngineOverview engineOverview() { return engineOverview.get(); }
    public OutboxService outbox() { return outbox.get(); }
    public DiagnosisService diagnosis() { return diagnosis.get(); }
    /** "Tester depuis le moteur": the diagnosis run by an engine from its own machine, followed through the store. */
    public RemoteDiagnosis remoteDiagnosis() { return remoteDiagnosis.get(); }

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
        OutboxService o = outbox.get();
        return new SenderService(registration, claimant, deadEpoch, outboxClaims.get(), gatewaySecrets.get(),
                o::gatewayFor, o.events(), senderSettings, sendCounts.get(), Clock.systemUTC());
    }

    /** Runs {@code engine} in this process (the console or {@code engine run}): its sender and its diagnosis runs. */
    public EngineRunner engineRunner(String engine) {
        return new EngineRunner(engineRegistry.get(), engine, (registration, deadEpoch) -> EngineWork.all(List.of(
                sender(registration, registration.holder(), deadEpoch),
                new DiagnosisRequests(registration, diagnosisRequests.get(), diagnosis.get(), outbox.get()::gatewayFor,
                        senderSettings.poll(), Clock.systemUTC()))));
    }

    /**
     * Copies everything in this store into the empty store at {@code target}, created and migrated if needed.
     *
     * @throws StoreCopy.TargetHoldsDataException when the target holds data; nothing is changed then
     */
    public List<StoreCopy.Copied> copyStoreTo(DbLocation target) {
        try (Database to = Database.open(target)) {
            return StoreCopy.copy(database, to);
        }
    }

    @Override
    public void close() {
        database.close();
    }

    /** A service made by its first caller; later callers, on any thread, get the same one. */
    private static final class Once<T> {
        private Supplier<T> make;
        private volatile T value;

        Once(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = make.get();
                        value = v;
                        make = null;
                    }
                }
            }
            return v;
        }
    }
}
