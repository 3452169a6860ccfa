package io.cockpit.smtp.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.testing.TestStore;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 file store is not open to other local users: owner-only files, a server on loopback, a real password. */
class H2StoreFilesTest {
    @TempDir Path dir;

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewStoreFolderAndEveryFileInItAreTheOwnersOnly() throws Exception {
        Path folder = dir.resolve("new").resolve("store");
        DbLocation at = DbLocation.resolve(folder.resolve("cockpit").toString(), null, Map.of());
        try (CoreServices s = CoreServices.open(at)) {
            s.gateways().sealPassword("portal", "x".toCharArray()); // the key file appears on first use
            assertEquals("rwx------", mode(dir.resolve("new")));
            assertEquals("rwx------", mode(folder));
            for (String name : List.of("cockpit.mv.db", "cockpit.lock.db", "cockpit.trace.db", "cockpit.h2-password",
                    "cockpit-smtp.key")) {
                assertTrue(Files.exists(folder.resolve(name)), name);
                assertEquals("rw-------", mode(folder.resolve(name)), name);
            }
        }
    }

    @Test
    void theAutomaticServerListensOnLoopbackOnly() throws Exception {
        try (CoreServices s = TestStore.open(dir)) {
            Properties lock = new Properties();
            try (Reader r = Files.newBufferedReader(dir.resolve("cockpit.lock.db"))) {
                lock.load(r);
            }
            String server = lock.getProperty("server");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            List<String> listening = listeningAddresses(port);
            assertFalse(listening.isEmpty(), "nothing listens on port " + port);
            assertEquals(List.of("127.0.0.1"), listening);
        }
    }

    @Test
    void aStoreMadeWithTheBlankPasswordOfOldOpensAndGetsAPasswordOfItsOwn() throws Exception {
        // The URL the earlier versions used (the location loaded first, as in the program, before H2 itself).
        String url = TestStore.location(dir).jdbcUrl();
        // As the earlier versions made it: migrated, its user the blank-password sa.
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/h2").load().migrate();
        try (CoreServices s = TestStore.open(dir)) {
            assertEquals("local", s.engineRegistry().names().get(0));
        }
        assertEquals("rw-------", mode(dir.resolve("cockpit.h2-password")));
        SQLException blank = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "sa", "").close());
        assertEquals(28000, blank.getErrorCode(), blank.getMessage());
        try (CoreServices again = TestStore.open(dir)) {
            assertEquals(List.of("local"), again.engineRegistry().names());
        }
    }

    @Test
    void aLostPasswordFileIsNamedInTheSentence() throws Exception {
        TestStore.open(dir).close();
        Files.delete(dir.resolve("cockpit.h2-password"));
        StoreException e = assertThrows(StoreException.class, () -> TestStore.open(dir));
        assertEquals(StoreException.Reason.PASSWORD_FILE_MISMATCH, e.reason());
        assertTrue(e.getMessage().contains(dir.resolve("cockpit.h2-password").toString()), e.getMessage());
    }

    /** The local addresses of the sockets listening on {@code port}, from the kernel's own tables. */
    static List<String> listeningAddresses(int port) throws Exception {
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && Integer.parseInt(local[1], 16) == port) {
                    out.add(address(local[0]));
                }
            }
        }
        return out;
    }

    private static String address(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16); // little-endian on the machines we run on
            return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
        }
        if (hex.startsWith("0000000000000000FFFF0000")) {
            return address(hex.substring(24)); // an IPv4 address in an IPv6 socket
        }
        return hex.chars().allMatch(c -> c == '0') ? "::" : "ipv6:" + hex;
    }
}
