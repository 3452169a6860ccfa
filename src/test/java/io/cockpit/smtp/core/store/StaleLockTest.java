package io.cockpit.smtp.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.ChildJvm;
import io.cockpit.smtp.testing.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store whose holder was killed (kill -9) opens at once, not after H2's own wait of several seconds. */
class StaleLockTest {
    @TempDir
    Path dir;

    @Test
    void aStoreLeftLockedByAKilledProcessOpensAtOnce() throws Exception {
        Process holder = ChildJvm.start(SaveThenHang.class, dir.resolve("child.log"), dir.toString(), "held.example.com", "Held");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("SAVED 1", r.readLine(), () -> readLog(dir.resolve("child.log")));
        }
        Path lock = dir.resolve("cockpit.lock.db");
        assertTrue(Files.readString(lock).contains("server="), "the holder publishes its server in the lock file");
        holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(lock), "kill -9 leaves the lock file behind");

        // The lock names a server that no longer answers: it is cleared at once rather than waited out (H2 alone
        // retries the connection for about 1.3 s, then waits a fixed 2 s before it takes the file over).
        assertTrue(StaleLock.clear(lock), "a lock whose server refuses connections is stale");
        assertFalse(Files.exists(lock));
        try (CoreServices core = TestStore.open(dir)) {
            assertEquals("held.example.com", core.gateways().loadPortal().server());
        }
    }

    @Test
    void aStoreHeldByALiveProcessIsSharedNotTakenOver() throws Exception {
        Process holder = ChildJvm.start(SaveThenHang.class, dir.resolve("child.log"), dir.toString(), "live.example.com", "Live");
        try {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("SAVED 1", r.readLine(), () -> readLog(dir.resolve("child.log")));
                String lockBefore = Files.readString(dir.resolve("cockpit.lock.db"));

                try (CoreServices core = TestStore.open(dir)) {
                    assertEquals("live.example.com", core.gateways().loadPortal().server());
                }
                assertEquals(lockBefore, Files.readString(dir.resolve("cockpit.lock.db")), "the live holder keeps its lock");
                assertTrue(holder.isAlive());
            }
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (Exception e) {
            return "no log";
        }
    }
}
