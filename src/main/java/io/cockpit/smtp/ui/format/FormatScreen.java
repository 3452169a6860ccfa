package io.cockpit.smtp.ui.format;

import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.ui.common.UiContext;
import javafx.scene.Parent;

/** Builds the Format des emails screen's controller from the console's context (the registry's factory). */
public final class FormatScreen {
    public static final String FXML = "/io/cockpit/smtp/ui/format/FormatView.fxml";

    private FormatScreen() {
    }

    public static FormatController create(UiContext ctx) {
        FormatViewModel vm = ctx.viewModel("format",
                () -> new FormatViewModel(ctx.services().formats(), ctx.services().gateways(), ctx.runner()));
        return new FormatController(vm, ctx.i18n(), ctx.decoration(), tab -> templateTab(ctx, tab), ctx.roles());
    }

    /**
     * One language's tab: its editor, variables and preview, with "Envoyer un exemple" under them for whoever may send
     * through the gateway (support tries a template on the preview only).
     */
    private static Parent templateTab(UiContext ctx, TemplateTabViewModel tab) {
        return ctx.loader().load(TemplateTabController.FXML,
                type -> new TemplateTabController(tab, ctx.i18n(),
                        ctx.roles().may(Operation.GATEWAY_TEST) ? samplePanel(ctx, tab) : null)).root();
    }

    /** "Envoyer un exemple" for one language tab: its current preview, through the saved gateway. */
    private static Parent samplePanel(UiContext ctx, TemplateTabViewModel tab) {
        SampleSendViewModel send = ctx.viewModel("format-sample:" + tab.language(),
                () -> new SampleSendViewModel(ctx.services().diagnosis(), ctx.services().gateways(), ctx.runner(),
                        () -> tab.emailProperty().get()));
        return ctx.loader().load(SampleSendController.FXML,
                type -> new SampleSendController(send, ctx.i18n(), ctx.decoration())).root();
    }
}
