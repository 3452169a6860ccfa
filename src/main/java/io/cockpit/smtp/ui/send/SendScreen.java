package io.cockpit.smtp.ui.send;

import io.cockpit.smtp.ui.common.UiContext;

/** Builds the Envoi manuel screen (Exploitation > Envoi manuel) from the console's context. */
public final class SendScreen {
    public static final String FXML = "/io/cockpit/smtp/ui/send/SendView.fxml";

    private SendScreen() {
    }

    public static SendController controller(UiContext ctx) {
        SendViewModel vm = ctx.viewModel("send",
                () -> new SendViewModel(ctx.services().outbox(), ctx.runner(), ctx.events()));
        return new SendController(vm, ctx.i18n(), ctx.decoration(), ctx.roles());
    }
}
