package io.cockpit.smtp.core.outbox;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a sender's lanes wait on: wake-ups (a message was stored or retried) and the request to stop. A wake-up that
 * no lane is waiting for is kept, so a message stored while every lane is busy is looked for as soon as one is free.
 */
final class SenderSignals {
    private static final Object WAKE = new Object();

    private final BlockingQueue<Object> wake = new LinkedBlockingQueue<>();
    private volatile boolean stopping;

    void wakeUp() {
        wake.offer(WAKE);
    }

    /** Waits at most {@code timeout} for a wake-up; true when one came (it is taken). */
    boolean awaitWakeUp(Duration timeout) throws InterruptedException {
        return wake.poll(timeout.toNanos(), TimeUnit.NANOSECONDS) != null;
    }

    boolean stopping() {
        return stopping;
    }

    /** Before lanes start again. */
    void resume() {
        stopping = false;
    }

    /** Asks every lane to stop, with a wake-up for each of the {@code waiters} so none sleeps on. */
    void stop(int waiters) {
        stopping = true;
        for (int i = 0; i < waiters; i++) {
            wake.offer(WAKE);
        }
    }
}
