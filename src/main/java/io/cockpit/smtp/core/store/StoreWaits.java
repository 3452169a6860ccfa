package io.cockpit.smtp.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds every wait on an H2 store shared through its automatic server. A client of that server waits on a socket:
 * when the serving process is paused (SIGSTOP) the wait never ends by itself. H2's {@code NETWORK_TIMEOUT} does not
 * help: on a read timeout H2 reconnects at once, and the reconnection asks the same paused server whether it is alive,
 * on a socket without a timeout. So each unit of work runs on a store thread while the caller waits at most a
 * deadline; past it the caller gets {@link StoreNotAnswering} naming the serving process. The late work ends when the
 * server resumes (or dies); meanwhile new calls fail at once with the same sentence instead of piling up threads. The
 * process that serves the store itself waits on no socket: its work runs on the caller's thread (only H2's lock
 * timeout bounds its waits).
 */
final class StoreWaits {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWaits.class);
    /** A transaction: ours take milliseconds; a batch of many thousand messages, a few seconds. */
    static final Duration TRANSACTION = Duration.ofSeconds(30);
    /** The first connection of a process: opening the file, or reaching the process that serves it. */
    static final Duration OPEN = Duration.ofSeconds(15);

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int LATE = 2;

    private final Path databaseFile;
    private final String display;
    private final ExecutorService threads;
    private final AtomicInteger late = new AtomicInteger();
    private volatile boolean servedHere;

    StoreWaits(Path databaseFile, String display) {
        this.databaseFile = databaseFile;
        this.display = display;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "store-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Before opening: when the process serving the store is known to be stopped, say so at once rather than wait for
     * it.
     */
    static void failFastWhenServerStopped(Path databaseFile, String display) {
        Optional<StoreServer.Process> server = StoreServer.of(databaseFile);
        if (server.isPresent() && server.get().stopped()) {
            throw StoreNotAnswering.of(display, server, Duration.ZERO);
        }
    }

    /**
     * Notes whether this process opened the file itself (it then serves the store to the others and never waits on a
     * socket for it): its transactions need no store thread. A process that reached the store through another one's
     * server stays a client for good.
     */
    void firstConnection(Connection c) {
        try {
            servedHere = c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal;
        } catch (SQLException | RuntimeException e) {
            servedHere = false;
        }
    }

    /** This process serves the store: nothing it does waits on another process's socket. */
    boolean servedHere() {
        return servedHere;
    }

    /** Runs {@code work} on a store thread and waits for it at most {@code deadline}. */
    <T> T call(Callable<T> work, Duration deadline) throws Exception {
        if (late.get() > 0) {
            // An earlier call still waits for the store: this one would wait the same.
            throw StoreNotAnswering.of(display, StoreServer.of(databaseFile), Duration.ZERO);
        }
        AtomicInteger state = new AtomicInteger(RUNNING);
        Future<T> f = threads.submit(() -> {
            try {
                return work.call();
            } finally {
                if (!state.compareAndSet(RUNNING, DONE) && late.decrementAndGet() == 0) {
                    LOG.info("the store {} answers again", display);
                }
            }
        });
        boolean interrupted = false;
        long end = System.nanoTime() + deadline.toNanos();
        try {
            while (true) {
                try {
                    return f.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    // The work cannot be interrupted (a socket read); the caller stops once it returns or the deadline passes.
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                } catch (TimeoutException e) {
                    if (state.compareAndSet(RUNNING, LATE)) {
                        StoreNotAnswering failure = StoreNotAnswering.of(display, StoreServer.of(databaseFile), deadline);
                        if (late.incrementAndGet() == 1) {
                            LOG.warn("{}", failure.getMessage());
                        }
                        throw failure;
                    }
                    // it finished just now
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <X extends Throwable> RuntimeException rethrow(Throwable t) throws X {
        throw (X) t;
    }

    void close() {
        threads.shutdownNow();
    }
}
