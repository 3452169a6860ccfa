package io.cockpit.smtp.core;

import io.cockpit.smtp.core.config.PresetLoader;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisService;
import io.cockpit.smtp.core.store.Database;
import io.cockpit.smtp.core.store.DbLocation;
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

    private CoreServices(DbLocation location, Database database) {
        this.location = location;
        this.database = database;
        this.secrets = new SecretBox(location.keyFile());
        this.engines = new EngineRepository(database);
        this.history = new HistoryRepository(database);
        this.gateways = new GatewayService(new GatewayRepository(database), engines, secrets, PresetLoader::fromEnvironment);
        this.diagnosis = new DiagnosisService(gateways);
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

    @Override
    public void close() {
        database.close();
    }
}
