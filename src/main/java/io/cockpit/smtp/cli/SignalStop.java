package io.cockpit.smtp.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops {@code engine run} on SIGTERM and SIGINT while the store is still open. A shutdown hook is not enough: H2
 * closes the database in its own shutdown hook, concurrently with ours, so the message in hand could not be given
 * back nor the engine released (and AUTO_SERVER forbids DB_CLOSE_ON_EXIT=FALSE). Handling the signals ourselves lets
 * the command stop the engine and return normally; where signals cannot be handled, a shutdown hook is the fallback.
 */
final class SignalStop {
    private static final Logger LOG = LoggerFactory.getLogger(SignalStop.class);

    private SignalStop() {
    }

    /** Calls {@code stop} once on SIGTERM or SIGINT. */
    static void install(Runnable stop) {
        Runnable once = new Runnable() {
            private boolean done;

            @Override
            public synchronized void run() {
                if (!done) {
                    done = true;
                    stop.run();
                }
            }
        };
        boolean handled = true;
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
                    Thread t = new Thread(once, "engine-stop-" + name);
                    t.start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                handled = false;
                LOG.info("signal {} cannot be handled here ({}); using a shutdown hook", name, e.getMessage());
            }
        }
        if (!handled) {
            Runtime.getRuntime().addShutdownHook(new Thread(once, "engine-shutdown"));
        }
    }
}
