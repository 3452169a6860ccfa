package io.cockpit.smtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log beside the store is rotated by size: it never grows without a limit. */
class LogSetupTest {
    @TempDir
    Path dir;

    @AfterEach
    void restoreLogging() throws Exception {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.close();
        }
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void thirtyMegabytesOfLogStayWithinTheLimit() throws Exception {
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
        }
        assertTrue(logs.size() > 1, "rotated: " + logs);
        assertTrue(total <= 25 * 1024 * 1024 + 5 * 2048, "all logs together: " + total + " bytes");
    }
}
