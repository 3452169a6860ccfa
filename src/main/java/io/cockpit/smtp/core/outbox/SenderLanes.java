package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.engine.EngineRegistration;
import io.cockpit.smtp.core.store.StoreNotAnswering;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sender's parallel lanes: each has its own thread, its own SMTP connection and its own batches, claimed as its own
 * {@link Claimant}. Started in the background, stopped (the message in hand is finished, the rest of its batch given
 * back), or drained once on the caller's thread.
 */
final class SenderLanes {
    private static final Logger LOG = LoggerFactory.getLogger(SenderLanes.class);
    /** How often a running lane queues again the messages whose holder died (their lease ran out). */
    private static final Duration RECOVERY_EVERY = Duration.ofSeconds(10);

    private final Claimant holder;
    private final EngineRegistration registration;
    private final OutboxClaimRepository claims;
    private final BatchSender batches;
    private final SenderSignals signals;
    private final OutboxEvents events;
    private final int lanes;
    private final Duration poll;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();

    SenderLanes(Claimant holder, EngineRegistration registration, OutboxClaimRepository claims, BatchSender batches,
                SenderSignals signals, OutboxEvents events, SenderSettings settings, Clock clock) {
        this.holder = holder;
        this.registration = registration;
        this.claims = claims;
        this.batches = batches;
        this.signals = signals;
        this.events = events;
        this.lanes = settings.connections();
        this.poll = settings.poll();
        this.clock = clock;
    }

    /**
     * Starts the lanes' threads once, after taking back what earlier holders left sending: what a holder whose process is
     * gone held ({@code deadEpoch}, null when none) and whatever lease ran out.
     */
    synchronized void start(Long deadEpoch) {
        if (!threads.isEmpty()) {
            return;
        }
        takeBack(deadEpoch);
        signals.resume();
        for (int i = 0; i < lanes; i++) {
            int lane = i;
            Thread t = new Thread(() -> loop(lane), threadName(i));
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("sender thread died", e));
            threads.add(t);
        }
        threads.forEach(Thread::start);
        events.publish(new OutboxEvent(OutboxEvent.Type.ENGINE_STARTED, List.of(), null, holder.engine()));
    }

    /**
     * Stops: each lane finishes its message in hand (each SMTP wait has its timeout) and gives back the rest.
     *
     * @return true when every lane ended within {@code grace} (those that did not are interrupted)
     */
    boolean stop(Duration grace) {
        List<Thread> running;
        synchronized (this) {
            running = List.copyOf(threads);
            // One wake-up a lane, and one for a drain running on a caller's thread.
            signals.stop(running.size() + 1);
        }
        if (running.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        boolean ended = true;
        for (Thread t : running) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                ended = false;
                t.interrupt();
            }
        }
        events.publish(new OutboxEvent(OutboxEvent.Type.ENGINE_STOPPED, List.of(), null, holder.engine()));
        return ended;
    }

    synchronized boolean running() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    private void takeBack(Long deadEpoch) {
        int n = claims.takeBack(holder, clock.instant(), deadEpoch);
        if (n > 0) {
            LOG.info("engine {}: took back {} message(s) left sending by an earlier run", holder.engine(), n);
        }
    }

    /**
     * Sends every message due now, batch after batch, all lanes at once, the first on the caller's thread, after taking
     * back what earlier holders left sending (as {@link #start}).
     *
     * @return the number of messages handled (whatever their outcome)
     */
    int drain(Long deadEpoch) throws InterruptedException {
        takeBack(deadEpoch);
        int[] counts = new int[lanes];
        // A lane that failed (the store lost) is reported by the caller once every lane ended, not lost with its
        // thread: else the run would end as a success with that lane's messages left in hand until their lease.
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < lanes; i++) {
            int lane = i;
            Thread t = new Thread(() -> {
                try {
                    counts[lane] = drainLane(lane);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, threadName(i));
            t.setDaemon(true);
            helpers.add(t);
            t.start();
        }
        try {
            counts[0] = drainLane(0);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        for (Thread t : helpers) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    private int drainLane(int lane) throws InterruptedException {
        int total = 0;
        int n;
        while (!signals.stopping() && !registration.lost() && (n = batches.sendBatch(lane)) > 0) {
            total += n;
        }
        return total;
    }

    private void loop(int lane) {
        Instant lastRecovery = Instant.EPOCH;
        boolean storeSilent = false;
        while (!signals.stopping()) {
            if (registration.lost()) {
                LOG.warn("engine {}: another process took the engine over; this sender stops", holder.engine());
                break;
            }
            try {
                Instant now = clock.instant();
                if (now.isAfter(lastRecovery.plus(RECOVERY_EVERY)) && registration.mayAct()) {
                    claims.recoverExpired(holder, now);
                    lastRecovery = now;
                }
                int handled = batches.sendBatch(lane);
                storeSilent = false;
                if (handled == 0 && !signals.stopping()) {
                    signals.awaitWakeUp(poll);
                }
            } catch (InterruptedException e) {
                break;
            } catch (StoreNotAnswering e) {
                // Said once an outage and retried; the sentence names who holds the store, a stack trace adds nothing.
                if (!storeSilent) {
                    storeSilent = true;
                    LOG.warn("engine {}: {} Retrying.", holder.engine(), e.getMessage());
                }
                try {
                    signals.awaitWakeUp(poll.multipliedBy(2));
                } catch (InterruptedException ie) {
                    break;
                }
            } catch (RuntimeException e) {
                // A store hiccup (lock timeout, disk): log it and try again after a pause rather than die.
                LOG.warn("engine {}: sender loop failed, retrying", holder.engine(), e);
                try {
                    signals.awaitWakeUp(poll.multipliedBy(2));
                } catch (InterruptedException ie) {
                    break;
                }
            }
        }
    }

    private String threadName(int lane) {
        return "outbox-sender-" + holder.engine() + "-" + lane;
    }
}
