package io.cockpit.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogSetupTest {
    @TempDir Path dir;

    @Test
    void theLogAndTheFolderItCreatesAreTheOwnersOnly() throws Exception {
        Path folder = dir.resolve("store");
        try {
            LogSetup.toFileBesideStore(new String[] {"gateway", "show", "--db", folder.resolve("cockpit").toString()});
            LoggerFactory.getLogger(LogSetupTest.class).info("written to the file");
            Path log = folder.resolve("cockpit-smtp.log");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
            assertTrue(Files.readString(log).contains("written to the file"));
        } finally {
            // Back to the test JVM's own logging: the handler on the temporary folder is closed.
            LogManager.getLogManager().reset();
            LogManager.getLogManager().readConfiguration();
        }
    }
}
