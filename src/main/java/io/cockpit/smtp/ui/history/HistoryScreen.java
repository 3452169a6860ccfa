package io.cockpit.smtp.ui.history;

import io.cockpit.smtp.ui.common.UiContext;
import java.time.ZoneId;

/** Builds the Historique screen's controller from the console's context (the registry's factory). */
public final class HistoryScreen {
    public static final String FXML = "/io/cockpit/smtp/ui/history/HistoryView.fxml";

    private HistoryScreen() {
    }

    public static HistoryController controller(UiContext ctx) {
        HistoryViewModel vm = ctx.viewModel("history",
                () -> new HistoryViewModel(ctx.services().history(), ctx.runner(), ZoneId.systemDefault()));
        return new HistoryController(vm, ctx.i18n());
    }
}
