package io.cockpit.smtp.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
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
 * turn taken. The holder writes its process id into the file, so that a process kept waiting can name it, at once
 * when it is stopped (Ctrl-Z, SIGSTOP), or when the wait runs out.
 */
final class BriefTurn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BriefTurn.class);
    /** How often a process kept waiting looks at who holds the turn. */
    private static final long LOOK_AT_HOLDER = Duration.ofMillis(500).toNanos();

    private final FileChannel channel;
    private final FileLock lock;

    private BriefTurn(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits at most {@code wait} for the turn. Null when the store is to be opened the shared way instead: a process
     * serves it ({@code serverLock} exists), this process already holds the turn (another brief use in the same
     * process shares H2's open file), or the turn file cannot be used.
     *
     * @throws StoreNotAnswering naming the holder, when it is stopped or the wait runs out
     */
    static BriefTurn take(Path turnFile, Path serverLock, Duration wait, String store) throws InterruptedException {
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
        long start = System.nanoTime();
        long end = start + wait.toNanos();
        long nextLook = start + LOOK_AT_HOLDER;
        try {
            while (true) {
                if (Files.exists(serverLock)) {
                    closeQuietly(channel);
                    return null;
                }
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    BriefTurn turn = new BriefTurn(channel, lock);
                    turn.sign();
                    return turn;
                }
                long now = System.nanoTime();
                if (now > end || now > nextLook) {
                    nextLook = now + LOOK_AT_HOLDER;
                    Optional<StoreServer.Process> holder = holder(turnFile);
                    if (holder.isPresent() && (holder.get().stopped() || now > end)) {
                        closeQuietly(channel);
                        throw StoreNotAnswering.heldBy(store, holder.get(),
                                now > end ? wait : Duration.ZERO);
                    }
                    if (now > end) {
                        closeQuietly(channel);
                        return null;
                    }
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

    /** Writes this process's id into the turn file, for the processes kept waiting meanwhile. */
    private void sign() {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        } catch (IOException e) {
            LOG.debug("brief turn not signed: {}", e.toString());
        }
    }

    /**
     * The process holding the turn, as written into the turn file by {@link #sign}: on this machine (the lock is
     * this machine's), with its command line and whether it is stopped; empty when the file names none.
     */
    static Optional<StoreServer.Process> holder(Path turnFile) {
        try {
            long pid = Long.parseLong(Files.readString(turnFile, StandardCharsets.US_ASCII).trim());
            if (ProcessHandle.of(pid).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new StoreServer.Process(StoreServer.localHostName(), "-", pid,
                    StoreServer.command(pid).orElse(null), StoreServer.stopped(pid)));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Lets the next brief command have the store. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
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
