package io.cockpit.smtp.ui.outbox;

import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Starts a refresh that events or polling asked for. While the console closes, the runner stops taking work but a
 * last outbox event (the engine stopping) may still ask for one: it is dropped, not thrown on the FX thread.
 */
final class Submit {
    private Submit() {
    }

    /** @return true when the work was taken, false when the runner no longer takes any */
    static boolean start(Supplier<Future<?>> start) {
        try {
            start.get();
            return true;
        } catch (RejectedExecutionException closing) {
            return false;
        }
    }
}
