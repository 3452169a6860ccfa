package io.cockpit.smtp.core;

import io.cockpit.smtp.core.access.Access;
import io.cockpit.smtp.core.access.Caller;
import io.cockpit.smtp.core.access.Identity;
import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.access.UserRepository;
import io.cockpit.smtp.core.access.UserService;
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
import io.cockpit.smtp.core.history.Author;
import io.cockpit.smtp.core.history.ChangeSource;
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
import io.cockpit.smtp.core.store.StoreUse;
import io.cockpit.smtp.core.transfer.ConfigTransfer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
    private final Identity identity;
    private final ChangeSource source;
    private final Once<Access> access;
    private final Once<UserService> users;
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

    private CoreServices(DbLocation location, Database database, ChangeSource source, Identity identity) {
        this.location = location;
        this.database = database;
        this.identity = identity;
        this.source = source;
        this.access = new Once<>(() -> new Access(new UserRepository(database), identity, source));
        this.users = new Once<>(() -> new UserService(new UserRepository(database), access.get()));
        this.secrets = new Once<>(() -> new SecretBox(location.keyFile()));
        this.history = new Once<>(() -> new ChangeHistory(new HistoryRepository(database)));
        this.engineRows = new Once<>(() -> new EngineRegistryRepository(database));
        this.engineRegistry = new Once<>(() -> new EngineRegistry(engineRows.get(), clock, access.get()));
        this.gatewayRepository = new Once<>(() -> new GatewayRepository(database));
        this.gateways = new Once<>(() -> new GatewayService(gatewayRepository.get(), () -> engineRegistry.get().names(),
                secrets.get(), PresetLoader::fromEnvironment, access.get()));
        this.keyRotation = new Once<>(() -> new KeyRotation(gatewayRepository.get(), secrets.get(), access.get()));
        this.formats = new Once<>(() -> new FormatService(new EmailFormatRepository(database), access.get()));
        this.transfer = new Once<>(() -> new ConfigTransfer(gateways.get(), formats.get(), database, access.get()));
        this.oauth = new Once<>(() -> new OAuthTokenService(gateways.get(), Duration.ofSeconds(20), clock));
        this.gatewaySecrets = new Once<>(() -> new GatewaySecrets(gateways.get(), oauth.get()));
        this.outboxRepository = new Once<>(() -> new OutboxRepository(database));
        this.outboxClaims = new Once<>(() -> new OutboxClaimRepository(database));
        this.sendCounts = new Once<>(() -> new SendCountRepository(database));
        this.outbox = new Once<>(() -> {
            OutboxService o = new OutboxService(outboxRepository.get(), engineRows.get(), gateways.get(), new OutboxEvents(), clock,
                    access.get());
            // The outbox links to the portal URLs and renders report subjects from the Email-format feature's templates.
            FormatService f = formats.get();
            o.usePortalLinks(() -> {
                EmailFormat format = f.load();
                return PortalLinks.of(format.userUrl(), format.operatorUrl());
            });
            o.useReportSubjects((lang, vars) -> f.reportSubject(f.load(), lang, vars));
            return o;
        });
        this.diagnosis = new Once<>(() -> new DiagnosisService(gatewaySecrets.get(), TestEmailHistory.into(outbox.get()),
                access.get()));
        this.engineOverview = new Once<>(() -> new EngineOverview(engineRegistry.get(), () -> outbox.get().countsByEngine()));
        this.diagnosisRequests = new Once<>(() -> new DiagnosisRequestRepository(database));
        this.remoteDiagnosis = new Once<>(() -> new RemoteDiagnosis(diagnosisRequests.get(), engineRegistry.get(),
                outbox.get()::gatewayFor, clock));
    }

    /**
     * Opens the store (creating and migrating it) for a command run by this process's operating-system user; throws
     * {@link StoreException} in plain words.
     */
    public static CoreServices open(DbLocation location) {
        return open(location, ChangeSource.COMMAND);
    }

    /** As {@link #open(DbLocation)}, the changes saved through it coming from {@code source} (the console's screens). */
    public static CoreServices open(DbLocation location, ChangeSource source) {
        return open(location, source, Identity.system());
    }

    /**
     * As {@link #open(DbLocation, ChangeSource)} for the operating-system user {@code identity} (on an H2 file the
     * identity roles are given to; a server store knows people by their login instead).
     */
    public static CoreServices open(DbLocation location, ChangeSource source, Identity identity) {
        return open(location, source, identity, StoreUse.LASTING);
    }

    /** As {@link #open(DbLocation, ChangeSource, Identity)}, for a process that keeps the store as long as {@code use} says. */
    public static CoreServices open(DbLocation location, ChangeSource source, Identity identity, StoreUse use) {
        CoreServices s = new CoreServices(location, Database.open(location, use), source, identity);
        if (s.database.migrated()) {
            // A store just created (or brought to a version with roles) is claimed now by whoever opened it, whatever
            // the command: the one who creates a store is its administrator, not the first who later changes it.
            s.access().caller();
        }
        return s;
    }

    public DbLocation location() { return location; }
    public Database database() { return database; }
    public SecretBox secrets() { return secrets.get(); }
    /** Who this process acts for, and whether their role allows a change. */
    public Access access() { return access.get(); }
    /** Who may do what: {@code user list|set|remove}. */
    public UserService users() { return users.get(); }
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

    /**
     * Runs {@code engine} in this process (the console or {@code engine run}): its sender and its diagnosis runs.
     *
     * @throws io.cockpit.smtp.core.access.NotPermittedException the caller is not an administrator: an engine claims
     *         and changes every message addressed to it
     */
    public EngineRunner engineRunner(String engine) {
        access.get().require(Operation.ENGINE_RUN);
        return new EngineRunner(engineRegistry.get(), engine, (registration, deadEpoch) -> EngineWork.all(List.of(
                sender(registration, registration.holder(), deadEpoch),
                new DiagnosisRequests(registration, diagnosisRequests.get(), diagnosis.get(), outbox.get()::gatewayFor,
                        senderSettings.poll(), Clock.systemUTC()))));
    }

    /**
     * Copies everything in this store into the empty store at {@code target}, created and migrated if needed.
     *
     * The users are copied with the rest; whoever copies is an administrator of the copy (on another kind of store
     * they go by another name: a login rather than an operating-system user), and on PostgreSQL each user's login is
     * granted its role's group when it exists on that server.
     *
     * @throws StoreCopy.TargetHoldsDataException when the target holds data; nothing is changed then
     * @throws io.cockpit.smtp.core.access.NotPermittedException the caller is not an administrator
     */
    public List<StoreCopy.Copied> copyStoreTo(DbLocation target) {
        Caller by = access.get().require(Operation.STORE_COPY);
        try (Database to = Database.open(target)) {
            // Opening the target (store show) may have made its opener its administrator: replaced by the copy's users.
            List<StoreCopy.Copied> copied = StoreCopy.copy(database, to, Set.of(UserRepository.TABLE));
            UserRepository there = new UserRepository(to);
            String name = there.serverStore() ? there.sessionUser() : identity.osUser();
            there.ensureAdministrator(name, new Author(identity.osUser(), there.serverStore() ? name : null, source));
            there.grantAll(there.list());
            return copied;
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
