package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cockpit.smtp.core.store.StoreUse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store opened in advance changes nothing a command does or prints, and is never left open or created. */
class StorePrefetchTest {
    @TempDir
    Path dir;

    private String[] line(String... command) {
        String[] all = new String[command.length + 4];
        all[0] = "--db";
        all[1] = dir.resolve("cockpit").toString();
        all[2] = "--key-file";
        all[3] = dir.resolve("cockpit-smtp.key").toString();
        System.arraycopy(command, 0, all, 4, command.length);
        return all;
    }

    @Test
    void startsOnlyForACommandOnAStoreThatExists() {
        assertNull(StorePrefetch.startFor(line("gateway", "show"), Map.of(), StoreUse.BRIEF), "no store yet: nothing is created in advance");
        assertEquals(0, CliRun.run(dir, null, "gateway", "show").code());

        try (StorePrefetch p = StorePrefetch.startFor(line("gateway", "show"), Map.of(), StoreUse.BRIEF)) {
            assertNotNull(p);
        }
        assertNull(StorePrefetch.startFor(line("gateway", "show", "--help"), Map.of(), StoreUse.BRIEF));
        assertNull(StorePrefetch.startFor(line("gateway"), Map.of(), StoreUse.BRIEF));
        assertNull(StorePrefetch.startFor(line("--version"), Map.of(), StoreUse.BRIEF));
    }

    @Test
    void aCommandLineThatFailsBeforeUsingTheStoreLeavesItClosed() {
        assertEquals(0, CliRun.run(dir, null, "gateway", "show").code());

        CliRun r = CliRun.run(dir, null, "gateway", "set", "--port");
        assertEquals(ExitCode.INVALID, r.code());
        assertEquals("Missing required parameter for option '--port' (N)", r.err().lines().findFirst().orElseThrow());
        assertFalse(Files.exists(dir.resolve("cockpit.lock.db")), "the store opened in advance was closed");
    }

    @Test
    void aDamagedStoreIsReportedInTheSameSentence() throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        Files.write(dir.resolve("cockpit.mv.db"), junk);

        CliRun r = CliRun.run(dir, null, "gateway", "show");
        assertEquals(ExitCode.FAILED, r.code());
        assertEquals("The configuration store " + dir.resolve("cockpit.mv.db")
                + " is damaged and cannot be read: restore it from a backup.", r.err().strip());
    }
}
