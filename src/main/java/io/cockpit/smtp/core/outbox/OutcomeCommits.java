package io.cockpit.smtp.core.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each message's outcome before its lane starts the next SMTP transaction, so that a process paused or killed
 * between two messages leaves at most the message in flight to be sent again by the next holder. The lanes of one
 * sender share the commits: whoever takes the lock commits every outcome waiting at that moment in one transaction
 * (a group commit), the others find theirs done. Screens are told of the changes at most every
 * {@link #EVENTS_EVERY_MILLIS} and at the end of each batch, not once a message.
 */
final class OutcomeCommits {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeCommits.class);
    static final long EVENTS_EVERY_MILLIS = 200;

    /** Outcomes of one lane waiting for the next commit. */
    record Pending(Claimant who, List<AttemptResult> results, CompletableFuture<int[]> done) {
    }

    private final OutboxClaimRepository claims;
    private final OutboxEvents events;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<OutboxStatus, List<Long>> unpublished = new java.util.EnumMap<>(OutboxStatus.class);
    private long lastPublished = System.nanoTime();

    OutcomeCommits(OutboxClaimRepository claims, OutboxEvents events, Clock clock) {
        this.claims = claims;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Commits {@code results}, with whatever other lanes have waiting; returns when they are committed.
     *
     * @return for each result, whether it changed its message (false: the message was taken back meanwhile)
     */
    boolean[] commit(Claimant who, List<AttemptResult> results) {
        Pending mine = new Pending(who, List.copyOf(results), new CompletableFuture<>());
        queue.add(mine);
        lock.lock();
        try {
            if (!mine.done().isDone()) {
                List<Pending> group = new ArrayList<>();
                Pending p;
                while ((p = queue.poll()) != null) {
                    group.add(p);
                }
                commitGroup(group);
            }
        } finally {
            lock.unlock();
        }
        try {
            int[] counts = mine.done().get();
            boolean[] changed = new boolean[counts.length];
            for (int i = 0; i < counts.length; i++) {
                changed[i] = counts[i] > 0;
            }
            return changed;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            // Unreachable: the future is complete once the lock is released.
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void commitGroup(List<Pending> group) {
        List<int[]> counts;
        try {
            counts = claims.recordAll(group.stream().map(p -> Map.entry(p.who(), p.results())).toList(), clock.instant());
        } catch (RuntimeException e) {
            group.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            Pending p = group.get(i);
            int[] c = counts.get(i);
            for (int k = 0; k < c.length; k++) {
                if (c[k] > 0) {
                    AttemptResult r = p.results().get(k);
                    unpublished.computeIfAbsent(r.status(), s -> new ArrayList<>()).add(r.id());
                }
            }
            p.done().complete(c);
        }
        if (System.nanoTime() - lastPublished > EVENTS_EVERY_MILLIS * 1_000_000) {
            publishLocked();
        }
    }

    /** Tells the screens of every change committed and not told yet (at the end of a batch). */
    void publish() {
        lock.lock();
        try {
            publishLocked();
        } finally {
            lock.unlock();
        }
    }

    private void publishLocked() {
        lastPublished = System.nanoTime();
        for (Map.Entry<OutboxStatus, List<Long>> e : unpublished.entrySet()) {
            if (!e.getValue().isEmpty()) {
                events.publish(OutboxEvent.changed(List.copyOf(e.getValue()), e.getKey()));
                try {
                    claims.notifyChanged(e.getKey(), e.getValue());
                } catch (RuntimeException x) {
                    // The other processes' screens catch up at their next refresh; the outcomes are committed.
                    LOG.debug("could not tell other processes of {} change(s): {}", e.getValue().size(), x.toString());
                }
            }
        }
        unpublished.clear();
    }
}
