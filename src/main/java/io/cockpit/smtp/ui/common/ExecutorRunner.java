package io.cockpit.smtp.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's one application executor: named daemon threads (a stuck SMTP wait never keeps the JVM alive),
 * outcomes delivered on the FX thread. Shut down in {@code ConsoleApp.stop()}.
 */
public final class ExecutorRunner implements BackgroundRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorRunner.class);

    private final ExecutorService executor;
    private final Executor callbacks;

    public ExecutorRunner(int threads, Executor callbacks) {
        this.executor = Executors.newFixedThreadPool(threads, namedDaemons("cockpit-worker-"));
        this.callbacks = callbacks;
    }

    /** The console's runner: callbacks on the FX thread. */
    public static ExecutorRunner forFxThread() {
        return new ExecutorRunner(4, Platform::runLater);
    }

    @Override
    public <T> Job<T> run(Callable<T> work) {
        return new Job<>(work, job -> {
            try {
                return executor.submit(() -> {
                    try {
                        T value = job.call();
                        callbacks.execute(() -> job.succeeded(value));
                    } catch (Throwable e) {
                        LOG.debug("background work failed", e);
                        callbacks.execute(() -> job.failed(e));
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // The console is closing (the executor is shut down): late refreshes from events have nothing to do.
                LOG.debug("background work dropped: the console is closing");
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }
        });
    }

    /**
     * Lets running work finish first (a save in progress is committed, not interrupted in the middle of H2's file
     * I/O), then interrupts what is left.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("background work still running at shutdown: interrupting it");
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory namedDaemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.error("uncaught in {}: {}", thread.getName(), e.toString()));
            return t;
        };
    }
}
