package io.cockpit.smtp.core.mail.diagnosis;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops a running diagnosis at once: closing its sockets wakes any blocked read or connect, and the diagnosis thread
 * is interrupted. Angus's transport methods are synchronized, so closing the transport from another thread would wait
 * for the very read we want to stop; closing the socket under it does not.
 */
public final class Cancellation {
    private final List<Closeable> open = new ArrayList<>();
    private volatile boolean cancelled;
    private Thread worker;

    public synchronized void cancel() {
        cancelled = true;
        for (Closeable c : open) {
            closeQuietly(c);
        }
        open.clear();
        if (worker != null) {
            worker.interrupt();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Closed at once if already cancelled. */
    synchronized void register(Closeable c) {
        if (cancelled) {
            closeQuietly(c);
        } else {
            open.add(c);
        }
    }

    synchronized void bind(Thread thread) {
        worker = thread;
        if (cancelled) {
            thread.interrupt();
        }
    }

    synchronized void unbind() {
        worker = null;
        open.clear();
        if (cancelled) {
            Thread.interrupted(); // our own interrupt must not leak into the caller's next work
        }
    }

    /** True when the attempt must stop (cancelled, or the thread interrupted). */
    boolean stopRequested() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // closing is how we cancel; a failure to close a dead socket changes nothing
        }
    }
}
