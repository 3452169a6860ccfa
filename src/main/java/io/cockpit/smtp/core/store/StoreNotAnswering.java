package io.cockpit.smtp.core.store;

import java.time.Duration;
import java.util.Optional;

/**
 * The store did not answer in time: the process that serves it to the others is paused, stuck or overloaded. The
 * message is one sentence naming that process and its machine when they can be found, and what to do.
 */
public final class StoreNotAnswering extends RuntimeException {
    private final transient StoreServer.Process server;

    private StoreNotAnswering(String message, StoreServer.Process server) {
        super(message);
        this.server = server;
    }

    /**
     * @param waited how long this process waited; zero when it did not wait (the server is known to be stopped, or an
     *               earlier call is still waiting for it)
     */
    static StoreNotAnswering of(String store, Optional<StoreServer.Process> server, Duration waited) {
        String when = waited.isZero() ? "does not answer" : "did not answer within " + waited.toSeconds() + " s";
        String msg;
        if (server.isEmpty()) {
            msg = "The configuration store " + store + " " + when + ": another program holds it and does not let go; "
                    + "try again later.";
        } else {
            StoreServer.Process p = server.get();
            if (p.stopped()) {
                msg = "The configuration store " + store + " " + when + ": it is served by " + p.describe()
                        + ", which is stopped (paused with SIGSTOP or held by a debugger); nothing can use the store "
                        + "until it is resumed (kill -CONT " + p.pid() + ") or ends.";
            } else {
                msg = "The configuration store " + store + " " + when + ": it is served by " + p.describe()
                        + ", which is busy or stuck; try again later, or stop that process.";
            }
        }
        return new StoreNotAnswering(msg, server.orElse(null));
    }

    /**
     * A command that holds the store alone ({@link StoreUse#BRIEF}) does not let it go.
     *
     * @param holder the holding process, on this machine
     * @param waited how long this process waited; zero when the holder is known to be stopped
     */
    static StoreNotAnswering heldBy(String store, StoreServer.Process holder, Duration waited) {
        String when = waited.isZero() ? "cannot be opened" : "could not be opened within " + waited.toSeconds() + " s";
        String msg = holder.stopped()
                ? "The configuration store " + store + " " + when + ": it is held by " + holder.describe()
                        + ", which is stopped (paused with SIGSTOP or Ctrl-Z, or held by a debugger); nothing can use the"
                        + " store until it is resumed (kill -CONT " + holder.pid() + ") or ends."
                : "The configuration store " + store + " " + when + ": it is held by " + holder.describe()
                        + ", which does not let it go; try again later, or stop that process.";
        return new StoreNotAnswering(msg, holder);
    }

    /** The process that serves the store, when it was found. */
    public Optional<StoreServer.Process> server() {
        return Optional.ofNullable(server);
    }
}
