package io.cockpit.smtp.core.engine;

import java.time.Duration;
import java.util.List;

/**
 * What an engine does while a process holds it: the outbox's sender, and the diagnosis runs the console asks for. The
 * engine package only runs it (registry, heartbeat, start and stop), so it depends on nothing of the outbox, which
 * routes messages to engines.
 */
public interface EngineWork {
    /** Makes the work of one hold on an engine. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param deadEpoch the epoch of a previous holder whose process is known to be gone (what it left in hand may
         *                  be taken back at once); null when none
         */
        EngineWork make(EngineRegistration registration, Long deadEpoch);
    }

    /** Starts working in the background. */
    void start();

    /** Stops, finishing or giving back what is in hand within {@code grace}; false when work was cut short. */
    boolean stop(Duration grace);

    /** False once the work has stopped (stopped, taken over, or died). */
    boolean running();

    /** Does what is due now on the caller's thread and returns how many items it handled. */
    int drainOnce() throws InterruptedException;

    /** Called after each heartbeat that confirmed the hold, on the heartbeat's thread: renew what is held. */
    default void heartbeat() {
    }

    /** Several works run as one: started and stopped together. */
    static EngineWork all(List<EngineWork> works) {
        return new EngineWork() {
            @Override
            public void start() {
                works.forEach(EngineWork::start);
            }

            @Override
            public boolean stop(Duration grace) {
                boolean ended = true;
                for (EngineWork w : works) {
                    ended &= w.stop(grace);
                }
                return ended;
            }

            @Override
            public boolean running() {
                return works.stream().allMatch(EngineWork::running);
            }

            @Override
            public int drainOnce() throws InterruptedException {
                int n = 0;
                for (EngineWork w : works) {
                    n += w.drainOnce();
                }
                return n;
            }

            @Override
            public void heartbeat() {
                works.forEach(EngineWork::heartbeat);
            }
        };
    }
}
