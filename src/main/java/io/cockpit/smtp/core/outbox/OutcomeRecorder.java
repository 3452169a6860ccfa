package io.cockpit.smtp.core.outbox;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what a lane did with the messages it holds and tells the screens which changed. Only messages the lane still
 * holds under its epoch change: one taken back meanwhile (its lease ran out, or another process took the engine) is
 * the next holder's, and its outcome here is dropped.
 */
final class OutcomeRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final OutboxClaimRepository claims;
    private final OutboxEvents events;
    private final OutcomeCommits commits;
    private final Clock clock;

    /** @param commits shared by the lanes of one sender, so that their outcomes are committed together */
    OutcomeRecorder(OutboxClaimRepository claims, OutboxEvents events, OutcomeCommits commits, Clock clock) {
        this.claims = claims;
        this.events = events;
        this.commits = commits;
        this.clock = clock;
    }

    /** Commits {@code results} (with the other lanes' waiting ones); returns once they are committed. */
    void record(Claimant who, List<AttemptResult> results) {
        if (results.isEmpty()) {
            return;
        }
        boolean[] changed = commits.commit(who, results);
        int lost = 0;
        for (boolean c : changed) {
            lost += c ? 0 : 1;
        }
        if (lost > 0) {
            LOG.warn("engine {}: {} of {} outcome(s) were not recorded (lease or engine lost)", who.engine(), lost,
                    results.size());
        }
    }

    /** Tells the screens of the outcomes committed and not told yet. */
    void publish() {
        commits.publish();
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
