package io.cockpit.smtp.ui.transfer;

import io.cockpit.smtp.ui.common.UiContext;

/** Builds the Export / import screen's controller from the console's context (the registry's factory). */
public final class TransferScreen {
    public static final String FXML = "/io/cockpit/smtp/ui/transfer/TransferView.fxml";

    private TransferScreen() {
    }

    public static TransferController controller(UiContext ctx) {
        TransferViewModel vm = ctx.viewModel("transfer",
                () -> new TransferViewModel(ctx.services().transfer(), ctx.runner()));
        return new TransferController(vm, ctx.i18n(), ctx.roles());
    }
}
