package io.cockpit.smtp.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOpenFailureTest {
    @TempDir
    Path dir;

    @Test
    void aStoreWrittenByANewerVersionIsRefusedInOneSentenceWithItsPath() {
        try (CoreServices core = TestStore.open(dir)) {
            core.database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                        + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                        + "VALUES (999, '999', 'future', 'SQL', 'V999__future.sql', 0, 'sa', 0, TRUE)")) {
                    return ps.executeUpdate();
                }
            });
        }
        StoreException e = assertThrows(StoreException.class, () -> TestStore.open(dir));
        assertEquals(StoreException.Reason.NEWER_SCHEMA, e.reason());
        assertOneSentenceNaming(e, TestStore.databaseFile(dir));
    }

    @Test
    void aDamagedFileIsReportedAsDamaged() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        Files.write(TestStore.databaseFile(dir), junk);
        StoreException e = assertThrows(StoreException.class, () -> TestStore.open(dir));
        assertEquals(StoreException.Reason.DAMAGED, e.reason(), e.getMessage());
        assertOneSentenceNaming(e, TestStore.databaseFile(dir));
    }

    @Test
    void aFolderThatCannotBeCreatedIsReportedWithItsPath() throws Exception {
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "x");
        DbLocation loc = DbLocation.resolve(notAFolder.resolve("cockpit").toString(), null);
        StoreException e = assertThrows(StoreException.class, () -> CoreServices.open(loc));
        assertEquals(StoreException.Reason.READ_ONLY, e.reason());
        assertTrue(e.getMessage().contains(notAFolder.toString()), e.getMessage());
    }

    @Test
    void aSecondProcessStyleOpenOfTheSameFileWorks() throws Exception {
        try (CoreServices first = TestStore.open(dir); CoreServices second = TestStore.open(dir)) {
            var saved = first.gateways().save(first.gateways().loadPortal().toBuilder().server("shared.example.com").build());
            assertEquals(saved, second.gateways().loadPortal());
        }
    }

    private static void assertOneSentenceNaming(StoreException e, Path path) {
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}
