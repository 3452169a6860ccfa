package io.cockpit.smtp.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.Launcher;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.access.Identity;
import io.cockpit.smtp.core.history.ChangeSource;
import io.cockpit.smtp.testing.ChildJvm;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.h2.engine.SessionLocal;
import org.h2.engine.SessionRemote;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that ends in moments holds a free H2 file alone, without H2's server; it goes through the process that
 * serves the file when there is one; and a process that opens the store while such a command holds it waits for it,
 * then opens the store itself.
 */
class BriefUseTest {
    @TempDir
    Path dir;

    private CoreServices open(StoreUse use) {
        return CoreServices.open(TestStore.location(dir), ChangeSource.COMMAND, Identity.system(), use);
    }

    private Path lockFile() {
        return dir.resolve("cockpit.lock.db");
    }

    @Test
    void aBriefCommandHoldsAFreeStoreAloneWithoutAServer() throws Exception {
        TestStore.open(dir).close();
        try (CoreServices brief = open(StoreUse.BRIEF)) {
            assertEquals("portal", brief.gateways().loadPortal().name());
            assertFalse(Files.exists(lockFile()), "no lock file: no server was started for others");
            assertInstanceOf(SessionLocal.class, session(brief), "the file is open in this process");
        }
        try (CoreServices lasting = open(StoreUse.LASTING)) {
            assertTrue(Files.readString(lockFile()).contains("server="), "a lasting process serves the file to others");
        }
    }

    @Test
    void aBriefCommandGoesThroughTheProcessThatServesTheStore() throws Exception {
        Process holder = ChildJvm.start(SaveThenHang.class, dir.resolve("child.log"), dir.toString(), "live.example.com", "Live");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("SAVED 1", r.readLine(), () -> log("child.log"));
            String lockBefore = Files.readString(lockFile());
            try (CoreServices brief = open(StoreUse.BRIEF)) {
                assertEquals("live.example.com", brief.gateways().loadPortal().server());
                assertInstanceOf(SessionRemote.class, session(brief), "reached through the serving process");
            }
            assertEquals(lockBefore, Files.readString(lockFile()), "the serving process keeps the store");
            assertTrue(holder.isAlive());
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessOpeningWhileABriefCommandHoldsTheStoreWaitsThenServesIt() throws Exception {
        TestStore.open(dir).close();
        Process holder = ChildJvm.start(HoldBriefly.class, dir.resolve("child.log"), dir.toString(), "1500");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("HELD", r.readLine(), () -> log("child.log"));
            assertFalse(Files.exists(lockFile()), "the brief holder serves nothing");
            try (CoreServices lasting = open(StoreUse.LASTING)) {
                assertTrue(Files.exists(dir.resolve("released")), "opened only once the brief holder let the file go");
                assertEquals("portal", lasting.gateways().loadPortal().name());
                assertInstanceOf(SessionLocal.class, session(lasting), "then opened here, not through the holder");
                assertTrue(Files.readString(lockFile()).contains("server="), "and served from here to the others");
            }
            assertEquals(0, holder.waitFor(30, TimeUnit.SECONDS) ? holder.exitValue() : -1, () -> log("child.log"));
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoBriefCommandsAtOnceBothGetTheStore() throws Exception {
        TestStore.open(dir).close();
        Process holder = ChildJvm.start(HoldBriefly.class, dir.resolve("child.log"), dir.toString(), "800");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("HELD", r.readLine(), () -> log("child.log"));
            try (CoreServices second = open(StoreUse.BRIEF)) {
                assertTrue(Files.exists(dir.resolve("released")), "the second one waited for the first");
                assertEquals("portal", second.gateways().loadPortal().name());
            }
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBurstOfSendsFromSeparateProcessesAllGetTheStoreInTurn() throws Exception {
        TestStore.open(dir).close();
        Map<String, String> env = Map.of("COCKPIT_SMTP_DB", TestStore.databaseFile(dir).toString(),
                "COCKPIT_SMTP_KEY_FILE", TestStore.keyFile(dir).toString());
        List<Process> sends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // The real command line, one JVM each, all started at once: a portal sending a message per request.
            sends.add(ChildJvm.start(Launcher.class, dir.resolve("send-" + i + ".log"), env, "send", "--flow",
                    "password-reset", "--to", "user" + i + "@example.com", "--lang", "en", "--var", "LOGIN=user" + i));
        }
        for (int i = 0; i < sends.size(); i++) {
            Process p = sends.get(i);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "send " + i + " ended");
            int n = i;
            assertEquals(0, p.exitValue(), () -> "send " + n + ": " + log("send-" + n + ".log"));
        }
        try (CoreServices core = TestStore.open(dir)) {
            assertEquals(6, core.outbox().list(null, null, 100).size(), "every message is in the outbox");
        }
        assertFalse(Files.exists(lockFile()), "none of them served the store to the others");
    }

    @Test
    void aStoppedBriefHolderIsNamedAtOnce() throws Exception {
        TestStore.open(dir).close();
        Process holder = ChildJvm.start(HoldBriefly.class, dir.resolve("child.log"), dir.toString(), "60000");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("HELD", r.readLine(), () -> log("child.log"));
            ChildJvm.pause(holder);
            for (StoreUse use : StoreUse.values()) {
                long start = System.nanoTime();
                StoreNotAnswering e = assertThrows(StoreNotAnswering.class, () -> open(use).close());
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(e.getMessage().contains("held by process " + holder.pid()), e.getMessage());
                assertTrue(e.getMessage().contains("kill -CONT " + holder.pid()), e.getMessage());
                assertTrue(waited < 5_000, use + " waited " + waited + " ms before saying so");
            }
            ChildJvm.resume(holder);
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void briefCommandsStillLeaveTheFileCompacted() throws Exception {
        TestStore.open(dir).close();
        for (int i = 0; i < 20; i++) {
            try (CoreServices brief = open(StoreUse.BRIEF)) {
                brief.outbox().enqueue(Outboxes.message("test", "user" + i + "@example.com"));
            }
        }
        // Compacted at each close, the file stays near its first size; left to grow, twenty brief commands that each
        // write a message add 20 to 50 KB apiece.
        long size = Files.size(TestStore.databaseFile(dir));
        assertTrue(size < 400_000, "the store file is " + size + " bytes after twenty brief sends");
    }

    private static Object session(CoreServices s) throws Exception {
        try (Connection c = s.database().dedicatedConnection()) {
            return c.unwrap(JdbcConnection.class).getSession();
        }
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (Exception e) {
            return "no log";
        }
    }
}
