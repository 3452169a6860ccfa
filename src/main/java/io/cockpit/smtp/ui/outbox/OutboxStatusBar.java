package io.cockpit.smtp.ui.outbox;

import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.Polling;
import io.cockpit.smtp.ui.common.UiContext;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * The outbox's part of the status bar: queued, deferred and failed counts; a notice when the gateway is inactive while
 * messages wait; a warning when messages wait too long or failed recently. Refreshed on outbox events and every five
 * seconds (other processes send too).
 */
public final class OutboxStatusBar {
    private OutboxStatusBar() {
    }

    public static void install(UiContext ctx, HBox slot) {
        OutboxSummaryViewModel summary = OutboxScreen.summary(ctx);
        I18n i18n = ctx.i18n();
        Label counts = new Label();
        counts.setId("outboxCounts");
        counts.getStyleClass().add("status-outbox");
        counts.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("outbox.statusbar.counts",
                        summary.queuedProperty().get(), summary.deferredProperty().get(), summary.failedProperty().get()),
                summary.queuedProperty(), summary.deferredProperty(), summary.failedProperty()));
        Label inactive = new Label(i18n.get("outbox.statusbar.inactive"));
        inactive.setId("outboxGatewayInactive");
        inactive.getStyleClass().add("status-warning");
        inactive.visibleProperty().bind(summary.inactiveWithWaitingProperty());
        inactive.managedProperty().bind(inactive.visibleProperty());
        Label warning = new Label(i18n.get("outbox.statusbar.warning"));
        warning.setId("outboxWarning");
        warning.getStyleClass().add("status-warning");
        warning.visibleProperty().bind(summary.waitingTooLongProperty().or(summary.failedRecentlyProperty()));
        warning.managedProperty().bind(warning.visibleProperty());
        slot.getChildren().addAll(counts, inactive, warning);
        Polling.whileShowing(slot, Duration.seconds(5), summary::refresh);
        summary.refresh();
    }
}
