package io.cockpit.smtp.core.outbox;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what a lane did with the messages it holds and tells the screens which changed. Only messages the lane still
 * holds change: one taken back meanwhile (its lease ran out) is the next holder's, and its outcome here is dropped.
 */
final class OutcomeRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final OutboxClaimRepository claims;
    private final OutboxEvents events;
    private final Clock clock;

    OutcomeRecorder(OutboxClaimRepository claims, OutboxEvents events, Clock clock) {
        this.claims = claims;
        this.events = events;
        this.clock = clock;
    }

    /** Commits {@code results} in one transaction. */
    void record(Claimant who, List<AttemptResult> results) {
        if (results.isEmpty()) {
            return;
        }
        int changed = claims.record(who, results, clock.instant());
        if (changed != results.size()) {
            LOG.warn("engine {}: {} of {} outcome(s) were not recorded (lease lost)", who.engine(),
                    results.size() - changed, results.size());
        }
        for (OutboxStatus s : OutboxStatus.values()) {
            List<Long> ids = results.stream().filter(r -> r.status() == s).map(AttemptResult::id).toList();
            if (!ids.isEmpty()) {
                events.publish(OutboxEvent.changed(ids, s));
            }
        }
    }

    /** Commits the outcome of a batch that was not sent at all, and says why in the log. */
    void record(Claimant who, AttemptOutcomes.Unsent unsent) {
        if (unsent.retryable()) {
            LOG.info("engine {}: {} message(s) deferred: {}", who.engine(), unsent.results().size(), unsent.reason());
        } else {
            LOG.warn("engine {}: {} message(s) failed: {}", who.engine(), unsent.results().size(), unsent.reason());
        }
        record(who, unsent.results());
    }

    /** Gives messages back untouched (no attempt counted): they are due again at once. */
    void giveBack(Claimant who, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        claims.release(who, ids, clock.instant());
        events.publish(OutboxEvent.changed(ids, OutboxStatus.QUEUED));
    }
}
