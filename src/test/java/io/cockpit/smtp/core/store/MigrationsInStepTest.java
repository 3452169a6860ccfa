package io.cockpit.smtp.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cheap check that lets an up-to-date store open without Flyway must agree with Flyway itself: the latest
 * version read from the migration files is the one Flyway would migrate to, and a store Flyway has just migrated
 * reads as being at that version.
 */
class MigrationsInStepTest {
    private static final String H2 = "jdbc:h2:mem:in-step";

    @TempDir
    Path dir;

    @Test
    void theLatestKnownVersionIsTheOneFlywayFindsInTheSameFolders() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:in-step;DB_CLOSE_DELAY=-1");
        Flyway flyway = Flyway.configure().dataSource(empty).locations(Migrations.flywayLocations(H2)).load();
        String flywayLatest = Arrays.stream(flyway.info().all())
                .map(MigrationInfo::getVersion).max(Comparable::compareTo).orElseThrow().getVersion();

        assertEquals(SchemaVersion.parse(flywayLatest), Migrations.latest(getClass().getClassLoader(), H2).orElseThrow());
    }

    @Test
    void theVersionCheckedAtEachOpenIsTheLatestOfTheFilesOfEveryKindOfStore() {
        for (String url : new String[] {H2, "jdbc:postgresql://localhost/cockpit"}) {
            assertEquals(Migrations.latest(getClass().getClassLoader(), url).orElseThrow(), Migrations.LATEST,
                    "a migration was added for " + Migrations.vendorFolder(url) + ": raise Migrations.LATEST to it");
        }
    }

    @Test
    void aStoreJustMigratedReadsAsBeingAtTheLatestKnownVersion() throws Exception {
        try (CoreServices core = TestStore.open(dir)) {
            assertTrue(core.database().migrated(), "a new store is migrated by Flyway");
            AppliedSchema applied = core.database().inTransaction(c -> AppliedSchema.read(c).orElseThrow());
            assertEquals(Migrations.latest(getClass().getClassLoader(), H2), applied.latest());
            assertTrue(applied.clean());
        }
    }

    @Test
    void aStoreAlreadyUpToDateOpensWithoutFlyway() {
        TestStore.open(dir).close();
        try (CoreServices again = TestStore.open(dir)) {
            assertFalse(again.database().migrated());
            assertTrue(TestStore.hasTable(again, "outbox_message"));
        }
    }

    @Test
    void aStoreBehindTheProgramIsMigratedToTheLatestVersion() throws Exception {
        DbLocation location = TestStore.location(dir);
        JdbcDataSource old = new JdbcDataSource();
        old.setURL(location.jdbcUrl());
        old.setUser("sa");
        Flyway.configure().dataSource(old).locations(Migrations.flywayLocations(location.jdbcUrl())).target("1").load().migrate();
        try (Connection c = old.getConnection()) {
            assertEquals(SchemaVersion.parse("1"), AppliedSchema.read(c).orElseThrow().latest().orElseThrow());
        }

        try (CoreServices core = CoreServices.open(location)) {
            assertTrue(core.database().migrated());
            assertTrue(TestStore.hasTable(core, "outbox_message"));
        }
    }

    @Test
    void versionsCompareNumberByNumber() {
        assertTrue(SchemaVersion.parse("10").compareTo(SchemaVersion.parse("9")) > 0);
        assertTrue(SchemaVersion.parse("1.10").compareTo(SchemaVersion.parse("1.9")) > 0);
        assertEquals(SchemaVersion.parse("2"), SchemaVersion.parse("2.0"));
        assertEquals(SchemaVersion.parse("2_1"), SchemaVersion.parse("2.1"));
    }
}
