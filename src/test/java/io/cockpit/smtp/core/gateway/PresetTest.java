package io.cockpit.smtp.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.engine.EngineRegistryRepository;
import io.cockpit.smtp.core.store.Database;
import io.cockpit.smtp.core.store.SecretBox;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetTest {
    @TempDir
    Path dir;

    private GatewayService service(Database db, Path presetFile) {
        return new GatewayService(new GatewayRepository(db), new EngineRegistryRepository(db)::names, new SecretBox(dir.resolve("k")),
                () -> PresetLoader.fromFile(presetFile), access(db));
    }

    private static io.cockpit.smtp.core.access.Access access(Database db) {
        return new io.cockpit.smtp.core.access.Access(new io.cockpit.smtp.core.access.UserRepository(db),
                io.cockpit.smtp.core.access.Identity.system(), io.cockpit.smtp.core.history.ChangeSource.COMMAND);
    }

    @Test
    void anEmptyStoreStartsFromThePresetAndSaysSo() throws Exception {
        Path preset = Files.writeString(dir.resolve("preset.json"), "{\"exportVersion\":1,\"gateway\":{\"status\":\"inactive\","
                + "\"server\":\"relay.saas.example.com\",\"port\":465,\"security\":\"ssl\",\"from\":\"noreply@saas.example.com\","
                + "\"displayName\":\"Cockpit SaaS\"}}");
        try (Database db = Database.open(TestStore.location(dir))) {
            GatewayConfig g = service(db, preset).loadPortal();
            assertEquals("relay.saas.example.com", g.server());
            assertEquals(Security.SSL, g.security());
            assertEquals("Cockpit SaaS", g.displayName());
            assertTrue(g.preconfigured());
            assertEquals(1, g.version(), "the preset is stored, so every process sees the same gateway");
            GatewayConfig changed = service(db, preset).save(g.toBuilder().server("relay2.saas.example.com").build());
            assertEquals("relay2.saas.example.com", service(db, preset).loadPortal().server());
            assertEquals(2, changed.version());
        }
    }

    @Test
    void aStoredGatewayIsNeverReplacedByThePreset() throws Exception {
        Path preset = Files.writeString(dir.resolve("preset.json"), "{\"gateway\":{\"server\":\"relay.saas.example.com\"}}");
        try (Database db = Database.open(TestStore.location(dir))) {
            GatewayService plain = new GatewayService(new GatewayRepository(db), new EngineRegistryRepository(db)::names,
                    new SecretBox(dir.resolve("k")), Optional::empty, access(db));
            plain.save(plain.loadPortal().toBuilder().server("mine.example.com").build());
            GatewayConfig g = service(db, preset).loadPortal();
            assertEquals("mine.example.com", g.server());
            assertFalse(g.preconfigured());
        }
    }

    @Test
    void anUnreadablePresetIsIgnored() throws Exception {
        Path preset = Files.writeString(dir.resolve("preset.json"), "{not json");
        try (Database db = Database.open(TestStore.location(dir))) {
            GatewayConfig g = service(db, preset).loadPortal();
            assertEquals(0, g.version());
            assertFalse(g.preconfigured());
        }
    }
}
