package io.cockpit.smtp.core.engine;

/**
 * The outbox messages routed to one engine, by status: what waits for it, what it holds, what it failed.
 *
 * @param sending claimed by a holder of the engine, in hand now
 */
public record EngineMessageCounts(long queued, long sending, long deferred, long failed) {
    public static final EngineMessageCounts NONE = new EngineMessageCounts(0, 0, 0, 0);
}
