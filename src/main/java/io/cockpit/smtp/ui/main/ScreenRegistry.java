package io.cockpit.smtp.ui.main;

import static io.cockpit.smtp.ui.common.I18n.key;

import io.cockpit.smtp.ui.gateway.GatewayScreen;
import java.util.List;
import java.util.Optional;

/**
 * The console's screens, in navigation order. The navigation tree is built from this list, mirroring the portal's
 * menus; the controller factory builds each screen's controller from its entry.
 *
 * <p><b>To add a screen, add one entry</b> (and nothing else here):
 * <pre>
 * new Screen("outbox",                                         // stable id
 *         List.of(key("nav.operations")),                      // menus above it: Exploitation
 *         key("nav.outbox"),                                   // its entry: File d'envoi
 *         "/io/cockpit/smtp/ui/outbox/OutboxView.fxml",
 *         OutboxController.class,
 *         ctx -> new OutboxController(
 *                 ctx.viewModel("outbox", () -> new OutboxViewModel(ctx.services().outbox(), ctx.runner())),
 *                 ctx.i18n())),
 * </pre>
 * Menu keys in use: {@code nav.administration}, {@code nav.portal} (Portail), {@code nav.connectivity}
 * (Connectivité), {@code nav.operations} (Exploitation). Menus appear in the order of their first use, so put an
 * entry next to its siblings. Wrap every key in {@code key(...)} so the localisation test finds it. Keep the view
 * model in {@code ctx.viewModel(...)} so unsaved edits survive a language switch.
 */
public final class ScreenRegistry {
    public static final List<Screen> SCREENS = List.of(
            new Screen("gateway",
                    List.of(key("nav.administration"), key("nav.connectivity")),
                    key("nav.gateway"),
                    GatewayScreen.FXML,
                    io.cockpit.smtp.ui.gateway.GatewayController.class,
                    GatewayScreen::portal),
            new Screen("engines",
                    List.of(key("nav.administration"), key("nav.connectivity")),
                    key("nav.engines"),
                    io.cockpit.smtp.ui.engines.EnginesScreen.FXML,
                    io.cockpit.smtp.ui.engines.EnginesController.class,
                    io.cockpit.smtp.ui.engines.EnginesScreen::controller),
            new Screen("format",
                    List.of(key("nav.administration"), key("nav.portal")),
                    key("nav.format"),
                    io.cockpit.smtp.ui.format.FormatScreen.FXML,
                    io.cockpit.smtp.ui.format.FormatController.class,
                    io.cockpit.smtp.ui.format.FormatScreen::create),
            new Screen("outbox",
                    List.of(key("nav.operations")),
                    key("nav.outbox"),
                    io.cockpit.smtp.ui.outbox.OutboxScreen.FXML,
                    io.cockpit.smtp.ui.outbox.OutboxController.class,
                    io.cockpit.smtp.ui.outbox.OutboxScreen::controller),
            new Screen("send",
                    List.of(key("nav.operations")),
                    key("nav.send"),
                    io.cockpit.smtp.ui.send.SendScreen.FXML,
                    io.cockpit.smtp.ui.send.SendController.class,
                    io.cockpit.smtp.ui.send.SendScreen::controller),
            new Screen("history",
                    List.of(key("nav.administration")),
                    key("nav.history"),
                    io.cockpit.smtp.ui.history.HistoryScreen.FXML,
                    io.cockpit.smtp.ui.history.HistoryController.class,
                    io.cockpit.smtp.ui.history.HistoryScreen::controller),
            new Screen("transfer",
                    List.of(key("nav.administration")),
                    key("nav.transfer"),
                    io.cockpit.smtp.ui.transfer.TransferScreen.FXML,
                    io.cockpit.smtp.ui.transfer.TransferController.class,
                    io.cockpit.smtp.ui.transfer.TransferScreen::controller)
    );

    /** The screen the console opens on. */
    public static final String FIRST = "gateway";

    private ScreenRegistry() {
    }

    public static Optional<Screen> byId(String id) {
        return SCREENS.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public static Optional<Screen> byControllerType(Class<?> type) {
        return SCREENS.stream().filter(s -> s.controllerType() == type).findFirst();
    }
}
