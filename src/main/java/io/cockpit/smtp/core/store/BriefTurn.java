package io.cockpit.smtp.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The turn of a brief command at an H2 store file that no process serves ({@link StoreUse#BRIEF}): an operating-system
 * lock on a small file beside the store ({@code cockpit.brief.lock}), held from before the command opens the store
 * until it has closed it. Brief commands started together (a portal sending a message per request) thus take the
 * store one after the other, each waiting for the lock rather than racing through H2's lock-file handshake, where
 * most of a dozen lost within its retries. When a process serves the store meanwhile (its {@code .lock.db} appears),
 * the waiting commands go through that one instead. The lock goes with its process, so a killed command leaves no
 * turn taken.
 */
final class BriefTurn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BriefTurn.class);

    private final FileChannel channel;
    private final FileLock lock;

    private BriefTurn(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits at most {@code wait} for the turn. Null when the store is to be opened the shared way instead: a process
     * serves it ({@code serverLock} exists), this process already holds the turn (another brief use in the same
     * process shares H2's open file), the turn file cannot be used, or the wait ran out.
     */
    static BriefTurn take(Path turnFile, Path serverLock, Duration wait) throws InterruptedException {
        FileChannel channel;
        try {
            try {
                OwnerOnly.createFile(turnFile);
            } catch (FileAlreadyExistsException exists) {
                // made by an earlier command
            }
            channel = FileChannel.open(turnFile, StandardOpenOption.WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("no brief turn at {}: {}", turnFile, e.toString());
            return null;
        }
        long end = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                if (Files.exists(serverLock)) {
                    closeQuietly(channel);
                    return null;
                }
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new BriefTurn(channel, lock);
                }
                if (System.nanoTime() > end) {
                    closeQuietly(channel);
                    return null;
                }
                Thread.sleep(10 + ThreadLocalRandom.current().nextInt(30));
            }
        } catch (OverlappingFileLockException sameProcess) {
            closeQuietly(channel);
            return null;
        } catch (IOException e) {
            LOG.debug("no brief turn at {}: {}", turnFile, e.toString());
            closeQuietly(channel);
            return null;
        } catch (InterruptedException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Lets the next brief command have the store. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("brief turn release: {}", e.toString());
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("brief turn close: {}", e.toString());
        }
    }
}
