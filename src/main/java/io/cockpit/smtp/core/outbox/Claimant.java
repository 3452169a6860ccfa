package io.cockpit.smtp.core.outbox;

/**
 * Who holds claimed outbox messages: an engine's holder, or one of its parallel connections, under the epoch its
 * process took the engine with. Every statement that changes a held message names its claimant and checks that the
 * epoch is still the engine's, so a sender whose messages were taken back, or whose process was taken over, cannot
 * write over the next holder's outcomes.
 *
 * @param engine the engine whose messages it claims
 * @param id unique among live claimants: the holder id of the process that holds the engine, or that id and a lane
 * @param epoch the engine's epoch when its process took it (see the engine registry)
 */
public record Claimant(String engine, String id, long epoch) {
    public Claimant {
        if (engine == null || engine.isBlank() || id == null || id.isBlank()) {
            throw new IllegalArgumentException("a claimant needs an engine and an id");
        }
    }

    /** Lane {@code i} of this holder: each connection claims as its own claimant, so its batch and outcomes are its own. */
    public Claimant lane(int i) {
        return i == 0 ? this : new Claimant(engine, id + "/" + i, epoch);
    }
}
