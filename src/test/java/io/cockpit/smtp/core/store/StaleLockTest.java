package io.cockpit.smtp.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.ChildJvm;
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

        // Classes loaded and the store code warmed on another file first, so the time below is the lock's alone.
        StoreFixture.open(dir.resolve("warm-up")).close();
        long start = System.nanoTime();
        try (CoreServices core = StoreFixture.open(dir)) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("held.example.com", core.gateways().loadPortal().server());
            // H2 alone takes 3.3 s or more here (1.3 s of connection retries, then a fixed 2 s wait).
            assertTrue(millis < 2500, "opened in " + millis + " ms");
        }
    }

    @Test
    void aStoreHeldByALiveProcessIsSharedNotTakenOver() throws Exception {
        Process holder = ChildJvm.start(SaveThenHang.class, dir.resolve("child.log"), dir.toString(), "live.example.com", "Live");
        try {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("SAVED 1", r.readLine(), () -> readLog(dir.resolve("child.log")));
                String lockBefore = Files.readString(dir.resolve("cockpit.lock.db"));

                try (CoreServices core = StoreFixture.open(dir)) {
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
