package io.cockpit.smtp.ui.format;

import io.cockpit.smtp.ui.common.UiContext;

/** Builds the Format des emails screen's controller from the console's context (the registry's factory). */
public final class FormatScreen {
    public static final String FXML = "/io/cockpit/smtp/ui/format/FormatView.fxml";

    private FormatScreen() {
    }

    public static FormatController create(UiContext ctx) {
        FormatViewModel vm = ctx.viewModel("format",
                () -> new FormatViewModel(ctx.services().formats(), ctx.services().gateways(), ctx.runner()));
        return new FormatController(vm, ctx.i18n(), ctx.decoration(), ctx.loader());
    }
}
