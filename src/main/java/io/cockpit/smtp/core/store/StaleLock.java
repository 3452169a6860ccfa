package io.cockpit.smtp.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the lock file an H2 store keeps beside it ({@code .lock.db}) when the process that wrote it is gone.
 *
 * <p>With AUTO_SERVER, the process holding the store writes the address of its in-process server into that file.
 * H2 itself, finding the file after a {@code kill -9}, retries that address for about 1.3 s, then rewrites the
 * file and waits 2 s more to be sure no one else does: about 3.5 s before a command or the console may start.
 * A refused connection to that address already says the holder is dead (the server lives as long as the store is
 * open), so the file is removed and H2 takes the lock at once. Anything else (the server answers, the address
 * times out, a holder still starting that has not written its address yet) is left to H2's own rules.
 * The store file itself stays protected by the operating system's lock on it, which a dead process no longer holds.
 */
final class StaleLock {
    private static final Logger LOG = LoggerFactory.getLogger(StaleLock.class);
    private static final int PROBE_TIMEOUT_MS = 500;

    private StaleLock() {
    }

    /** @return true when a stale lock file was removed */
    static boolean clear(Path lockFile) {
        Properties before = read(lockFile);
        if (before == null || !"file".equals(before.getProperty("method")) || before.getProperty("server") == null) {
            return false;
        }
        if (!refused(before.getProperty("server"))) {
            return false;
        }
        // Removed only if unchanged since it was read: another process may have just taken the lock over.
        Properties now = read(lockFile);
        if (now == null || !before.equals(now)) {
            return false;
        }
        try {
            Files.deleteIfExists(lockFile);
            LOG.info("removed the lock file of a process that is gone: {}", lockFile);
            return true;
        } catch (IOException e) {
            LOG.warn("cannot remove the stale lock file {}: {}", lockFile, e.toString());
            return false;
        }
    }

    private static Properties read(Path lockFile) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(lockFile)) {
            p.load(in);
            return p;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("unreadable lock file {}", lockFile, e);
            return null;
        }
    }

    /** True only when the address answers with a refusal: nothing listens there any more. */
    private static boolean refused(String server) {
        int colon = server.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        try (Socket s = new Socket()) {
            int port = Integer.parseInt(server.substring(colon + 1));
            s.connect(new InetSocketAddress(server.substring(0, colon), port), PROBE_TIMEOUT_MS);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
