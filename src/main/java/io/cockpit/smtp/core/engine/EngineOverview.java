package io.cockpit.smtp.core.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engines with their state and their messages, read in two queries whatever the number of engines: what the
 * Moteurs screen refreshes and {@code engine list} prints.
 */
public final class EngineOverview {
    private final EngineRegistry registry;
    private final Supplier<Map<String, EngineMessageCounts>> counts;

    /** @param counts the outbox's messages per engine (the outbox routes messages to engines; this package does not) */
    public EngineOverview(EngineRegistry registry, Supplier<Map<String, EngineMessageCounts>> counts) {
        this.registry = registry;
        this.counts = counts;
    }

    public List<EngineStatus> list() {
        Map<String, EngineMessageCounts> byEngine = counts.get();
        return registry.list().stream()
                .map(e -> new EngineStatus(e, registry.online(e), byEngine.getOrDefault(e.name(), EngineMessageCounts.NONE)))
                .toList();
    }

    public Optional<EngineStatus> find(String name) {
        return registry.find(name).map(e -> new EngineStatus(e, registry.online(e),
                counts.get().getOrDefault(name, EngineMessageCounts.NONE)));
    }
}
