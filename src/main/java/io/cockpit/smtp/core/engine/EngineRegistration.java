package io.cockpit.smtp.core.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * This process's hold on an engine: the holder id and the epoch it took the engine under, and whether it may still act
 * for it. Another process may take the engine only once the heartbeat is {@link EngineRegistry#STALE_AFTER} old, so a
 * holder whose last confirmed heartbeat began less than {@link #TRUSTED_FOR} ago still holds it; past that (the process
 * was paused, or the store did not answer) it asks the store again before it sends anything.
 */
public final class EngineRegistration {
    /** A heartbeat less than this old proves the hold: the stale limit less one heartbeat, for clock drift. */
    public static final Duration TRUSTED_FOR = EngineRegistry.STALE_AFTER.minus(EngineRegistry.HEARTBEAT);

    private final String engine;
    private final String holder;
    private final long epoch;
    private final BooleanSupplier confirm;
    private volatile long confirmedAtNanos;
    private volatile boolean lost;

    /**
     * @param confirm asks the store whether this holder still holds the engine under this epoch (refreshing the
     *                heartbeat); may throw when the store does not answer
     */
    public EngineRegistration(String engine, String holder, long epoch, BooleanSupplier confirm) {
        this.engine = engine;
        this.holder = holder;
        this.epoch = epoch;
        this.confirm = confirm;
        this.confirmedAtNanos = System.nanoTime();
    }

    /** For tests and tools that claim outside a running engine: trusted for a while, never confirmed again. */
    public static EngineRegistration unchecked(String engine, String holder, long epoch) {
        return new EngineRegistration(engine, holder, epoch, () -> true);
    }

    public String engine() {
        return engine;
    }

    public String holder() {
        return holder;
    }

    public long epoch() {
        return epoch;
    }

    /** Another process took the engine (or this one let it go): nothing more may be sent for it. */
    public boolean lost() {
        return lost;
    }

    /**
     * Whether this process may start an SMTP transaction for the engine now: not lost, and a heartbeat confirmed it
     * recently; else the store is asked once. False also when the store cannot say (it does not answer): then nobody
     * can record an outcome anyway.
     */
    public boolean mayAct() {
        if (lost) {
            return false;
        }
        if (System.nanoTime() - confirmedAtNanos < TRUSTED_FOR.toNanos()) {
            return true;
        }
        return check();
    }

    /** Asks the store now (the heartbeat does this every few seconds). */
    public boolean check() {
        if (lost) {
            return false;
        }
        long start = System.nanoTime();
        boolean held;
        try {
            held = confirm.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
        if (held) {
            confirmed(start);
        } else {
            lose();
        }
        return held;
    }

    /** A heartbeat that began at {@code startNanos} found the hold intact. */
    void confirmed(long startNanos) {
        if (startNanos - confirmedAtNanos > 0) {
            confirmedAtNanos = startNanos;
        }
    }

    void lose() {
        lost = true;
    }

    /** How long ago the hold was last confirmed. */
    public Duration sinceConfirmed() {
        return Duration.ofNanos(System.nanoTime() - confirmedAtNanos).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    @Override
    public String toString() {
        return engine + " held by " + holder + " (epoch " + epoch + ")";
    }
}
