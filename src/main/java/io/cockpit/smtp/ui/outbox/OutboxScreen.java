package io.cockpit.smtp.ui.outbox;

import io.cockpit.smtp.ui.common.UiContext;
import java.time.Clock;

/** Builds the File d'envoi screen and the outbox part of the status bar from the console's context. */
public final class OutboxScreen {
    public static final String FXML = "/io/cockpit/smtp/ui/outbox/OutboxView.fxml";

    private OutboxScreen() {
    }

    public static OutboxController controller(UiContext ctx) {
        OutboxViewModel vm = ctx.viewModel("outbox",
                () -> new OutboxViewModel(ctx.services().outbox(), ctx.runner(), ctx.events()));
        return new OutboxController(vm, summary(ctx), ctx.i18n(), ctx.roles());
    }

    /** One summary per console, shared by the status bar and the screen's banner. */
    public static OutboxSummaryViewModel summary(UiContext ctx) {
        return ctx.viewModel("outbox-summary", () -> new OutboxSummaryViewModel(ctx.services().outbox(),
                ctx.services().gateways(), ctx.runner(), ctx.events(), Clock.systemUTC()));
    }
}
