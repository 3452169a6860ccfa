package io.cockpit.smtp.core.outbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain listeners for outbox events, called on the publishing thread (the UI moves them onto its own thread). A
 * failing listener is logged and never stops the sender.
 */
public final class OutboxEvents {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxEvents.class);
    private final List<Consumer<OutboxEvent>> listeners = new CopyOnWriteArrayList<>();
    private Runnable whenWatched;

    public Runnable subscribe(Consumer<OutboxEvent> listener) {
        listeners.add(listener);
        Runnable start;
        synchronized (this) {
            start = whenWatched;
            whenWatched = null;
        }
        if (start != null) {
            start.run();
        }
        return () -> listeners.remove(listener);
    }

    /**
     * Runs {@code start} once, when the first listener subscribes: what brings in other processes' changes (a store
     * listener) is set up only in a process that watches the outbox, not in a one-shot command.
     */
    void whenWatched(Runnable start) {
        boolean now;
        synchronized (this) {
            now = !listeners.isEmpty();
            if (!now) {
                whenWatched = start;
            }
        }
        if (now) {
            start.run();
        }
    }

    public void publish(OutboxEvent event) {
        for (Consumer<OutboxEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("an outbox listener failed", e);
            }
        }
    }
}
