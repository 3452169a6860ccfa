package io.cockpit.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The log beside the store: owner-only, and rotated by size so that it never grows without a limit. */
class LogSetupTest {
    @TempDir
    Path dir;

    @AfterEach
    void restoreLogging() throws Exception {
        // Back to the test JVM's own logging: the handler on the temporary folder is closed.
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.close();
        }
        LogManager.getLogManager().reset();
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void theLogAndTheFolderItCreatesAreTheOwnersOnly() throws Exception {
        Path folder = dir.resolve("store");
        LogSetup.toFileBesideStore(new String[] {"gateway", "show", "--db", folder.resolve("cockpit").toString()});
        LoggerFactory.getLogger(LogSetupTest.class).info("written to the file");
        Path log = folder.resolve("cockpit-smtp.log.0");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        assertTrue(Files.readString(log).contains("written to the file"));
    }

    @Test
    void thirtyMegabytesOfLogStayWithinTheLimitInOwnerOnlyFiles() throws Exception {
        LogSetup.toFileBesideStore(new String[] {"--db", dir.resolve("cockpit").toString()});
        Logger log = Logger.getLogger("io.cockpit.smtp.test");
        String line = "x".repeat(1000);
        for (int i = 0; i < 30_000; i++) {
            log.info(line);
        }
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.flush();
        }

        List<Path> logs;
        try (var files = Files.list(dir)) {
            logs = files.filter(f -> f.getFileName().toString().startsWith("cockpit-smtp.log")
                    && !f.getFileName().toString().endsWith(".lck")).toList();
        }
        long total = 0;
        for (Path f : logs) {
            long size = Files.size(f);
            total += size;
            assertTrue(size <= 5 * 1024 * 1024 + 2048, f + " holds " + size + " bytes");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
        }
        assertTrue(logs.size() > 1, "rotated: " + logs);
        assertTrue(total <= 25 * 1024 * 1024 + 5 * 2048, "all logs together: " + total + " bytes");
    }
}
