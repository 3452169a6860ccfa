package io.cockpit.smtp.ui.engines;

import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.ui.common.UiContext;
import io.cockpit.smtp.ui.gateway.GatewayScreen;
import java.time.Clock;
import javafx.scene.Parent;
import javafx.scene.layout.Region;

/**
 * Builds the Moteurs screen from the console's context: its view model, the gateway form (the Passerelle SMTP
 * component itself, given the engine's name) and "Tester depuis le moteur" for the selected engine.
 */
public final class EnginesScreen {
    public static final String FXML = "/io/cockpit/smtp/ui/engines/EnginesView.fxml";
    public static final String TEST_FXML = "/io/cockpit/smtp/ui/engines/EngineTestView.fxml";

    private EnginesScreen() {
    }

    public static EnginesController controller(UiContext ctx) {
        EnginesViewModel vm = viewModel(ctx);
        return new EnginesController(vm, ctx.i18n(), ctx.decoration(), ctx.dialogs(),
                name -> GatewayScreen.load(ctx, name),
                // Support asks no engine to test (a test sends through the gateway): an empty panel.
                name -> ctx.roles().may(Operation.ENGINE_TEST) ? testPanel(ctx, vm, name) : new Region(),
                ctx.roles());
    }

    private static EnginesViewModel viewModel(UiContext ctx) {
        return ctx.viewModel("engines", () -> new EnginesViewModel(ctx.services().engineOverview(),
                ctx.services().engineRegistry(), ctx.services().outbox().events(), ctx.runner(), ctx.events(),
                Clock.systemUTC()));
    }

    /** Kept per engine, so a test running for one engine goes on (and shows again) while another is looked at. */
    private static Parent testPanel(UiContext ctx, EnginesViewModel engines, String name) {
        EngineTestViewModel test = ctx.viewModel("engine-test:" + name, () -> new EngineTestViewModel(
                ctx.services().remoteDiagnosis(), ctx.runner(), ctx.events(), name, engines.online(name)));
        return ctx.loader().load(TEST_FXML, type -> new EngineTestController(test, ctx.i18n(), ctx.decoration())).root();
    }
}
