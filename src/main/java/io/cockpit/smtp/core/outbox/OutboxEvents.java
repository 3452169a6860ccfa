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

    public Runnable subscribe(Consumer<OutboxEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
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
