package io.cockpit.smtp.ui.outbox;

import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.outbox.OutboxCounts;
import io.cockpit.smtp.core.outbox.OutboxService;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.FoldedReload;
import io.cockpit.smtp.ui.common.FxEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * The outbox at a glance for the status bar and the warning banner: counts of queued, deferred and failed messages,
 * whether the gateway is inactive while messages wait, and whether something has gone wrong long enough to be noticed
 * (a message waiting over 15 minutes, a failure in the last hour) before users complain.
 */
public final class OutboxSummaryViewModel {
    public static final Duration WAITING_TOO_LONG = Duration.ofMinutes(15);
    public static final Duration RECENT_FAILURES = Duration.ofHours(1);

    private record Snapshot(OutboxCounts counts, boolean gatewayActive, Instant at) {
    }

    private final ReadOnlyLongWrapper queued = new ReadOnlyLongWrapper(this, "queued");
    private final ReadOnlyLongWrapper deferred = new ReadOnlyLongWrapper(this, "deferred");
    private final ReadOnlyLongWrapper failed = new ReadOnlyLongWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper inactiveWithWaiting = new ReadOnlyBooleanWrapper(this, "inactiveWithWaiting");
    private final ReadOnlyBooleanWrapper waitingTooLong = new ReadOnlyBooleanWrapper(this, "waitingTooLong");
    private final ReadOnlyBooleanWrapper failedRecently = new ReadOnlyBooleanWrapper(this, "failedRecently");
    private final ReadOnlyLongWrapper failedRecentlyCount = new ReadOnlyLongWrapper(this, "failedRecentlyCount");
    private final FoldedReload<Snapshot> reload;

    public OutboxSummaryViewModel(OutboxService outbox, GatewayService gateways, BackgroundRunner runner, FxEvents events,
                                  Clock clock) {
        this.reload = new FoldedReload<>(runner, () -> () -> new Snapshot(outbox.counts(RECENT_FAILURES),
                gateways.loadPortal().isActive(), clock.instant()), this::apply);
        outbox.events().subscribe(events.deliver(e -> refresh()));
        gateways.addSavedListener(events.deliver(g -> refresh()));
    }

    /** Reloads in the background; calls while one runs are folded into one more run. */
    public void refresh() {
        reload.request();
    }

    private void apply(Snapshot s) {
        OutboxCounts c = s.counts();
        queued.set(c.queued());
        deferred.set(c.deferred());
        failed.set(c.failed());
        inactiveWithWaiting.set(!s.gatewayActive() && c.waiting() > 0);
        waitingTooLong.set(c.oldestWaitingSince() != null && c.oldestWaitingSince().isBefore(s.at().minus(WAITING_TOO_LONG)));
        failedRecentlyCount.set(c.failedSince());
        failedRecently.set(c.failedSince() > 0);
    }

    public ReadOnlyLongProperty queuedProperty() { return queued.getReadOnlyProperty(); }
    public ReadOnlyLongProperty deferredProperty() { return deferred.getReadOnlyProperty(); }
    public ReadOnlyLongProperty failedProperty() { return failed.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty inactiveWithWaitingProperty() { return inactiveWithWaiting.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty waitingTooLongProperty() { return waitingTooLong.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedRecentlyProperty() { return failedRecently.getReadOnlyProperty(); }
    public ReadOnlyLongProperty failedRecentlyCountProperty() { return failedRecentlyCount.getReadOnlyProperty(); }
}
