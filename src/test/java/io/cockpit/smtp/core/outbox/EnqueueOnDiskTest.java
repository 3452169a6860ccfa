package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.testing.ForceCountingFiles;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An id handed out by the outbox is on disk, not only in the operating system's cache: H2 does not sync its file at
 * commit, so a power cut could lose a message whose id {@code send} printed. (That the id survives kill -9 is
 * {@link DurableEnqueueTest}'s.)
 */
class EnqueueOnDiskTest {
    @TempDir Path dir;

    @BeforeAll
    static void countSyncs() {
        ForceCountingFiles.register();
    }

    private CoreServices open() {
        return CoreServices.open(DbLocation.resolve("jdbc:h2:" + ForceCountingFiles.SCHEME + ":" + dir.resolve("cockpit")
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", TestStore.keyFile(dir).toString(), Map.of()));
    }

    @Test
    void aMessageIsSyncedToDiskBeforeItsIdIsReturned() throws Exception {
        try (CoreServices s = open()) {
            long before = ForceCountingFiles.forces();
            long id = s.outbox().enqueue(Outboxes.message("test", "a@example.org"));
            assertTrue(ForceCountingFiles.forces() > before, "no sync between the commit and the id");
            assertEquals(id, s.outbox().find(id).orElseThrow().id());
        }
    }

    @Test
    void aBatchIsSyncedOnceBeforeItsIdsAreReturned() throws Exception {
        try (CoreServices s = open()) {
            long before = ForceCountingFiles.forces();
            List<Long> ids = s.outbox().enqueueAll(List.of(Outboxes.message("test", "a@example.org"),
                    Outboxes.message("test", "b@example.org"), Outboxes.message("test", "c@example.org")));
            assertEquals(3, ids.size());
            assertEquals(1, ForceCountingFiles.forces() - before, "one sync for the whole batch");
        }
    }
}
