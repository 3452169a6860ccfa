package io.cockpit.smtp.core.engine;

import java.time.Duration;

/**
 * What an engine does while a process holds it: the outbox's sender. The engine package only runs it (registry,
 * heartbeat, start and stop), so it depends on nothing of the outbox, which routes messages to engines.
 */
public interface EngineWork {
    /** Starts working in the background; {@code takeBack}: first take back what this engine left in hand. */
    void start(boolean takeBack);

    /** Stops, finishing or giving back what is in hand within {@code grace}; false when work was cut short. */
    boolean stop(Duration grace);

    /** False once the work has stopped (stopped, taken over, or died). */
    boolean running();

    /** Does what is due now on the caller's thread and returns how many items it handled. */
    int drainOnce() throws InterruptedException;
}
