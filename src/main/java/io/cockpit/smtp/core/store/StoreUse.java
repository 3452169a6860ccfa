package io.cockpit.smtp.core.store;

/**
 * How long a process keeps the store open, which decides whether it serves an H2 file to the other processes.
 * A server store (PostgreSQL) serves everyone itself: there the two are the same.
 */
public enum StoreUse {
    /**
     * The console, an engine, a command that waits on the network or on a person: the H2 file is opened with H2's
     * automatic server, and every other process reaches the store through this one for as long as it runs.
     */
    LASTING,
    /**
     * A command that ends in moments ({@code gateway show}, {@code send}): when no process serves the H2 file, this one
     * holds it alone, without a server, which spares H2's lock-file handshake and the start of its server (about a
     * tenth of a second of each such command). A process opening the store meanwhile waits those moments, then opens
     * it itself. When another process already serves the file, it is reached through that one, as {@link #LASTING}
     * does.
     */
    BRIEF
}
