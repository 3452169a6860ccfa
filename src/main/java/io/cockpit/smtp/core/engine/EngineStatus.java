package io.cockpit.smtp.core.engine;

/**
 * An engine as the Moteurs screen and {@code engine list} show it: as registered, whether it runs now, and the
 * messages routed to it.
 */
public record EngineStatus(EngineInfo info, boolean online, EngineMessageCounts counts) {
    public String name() {
        return info.name();
    }
}
