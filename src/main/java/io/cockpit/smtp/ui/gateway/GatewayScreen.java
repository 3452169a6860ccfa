package io.cockpit.smtp.ui.gateway;

import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.ui.common.UiContext;
import io.cockpit.smtp.ui.common.ViewLoader;

/**
 * The gateway form is one component: the portal's gateway and each engine's specific gateway use this same view and
 * view model, told apart only by the gateway's name.
 */
public final class GatewayScreen {
    public static final String FXML = "/io/cockpit/smtp/ui/gateway/GatewayView.fxml";
    public static final String TEST_FXML = "/io/cockpit/smtp/ui/gateway/GatewayTestView.fxml";

    private GatewayScreen() {
    }

    /** The Passerelle SMTP screen: the portal's gateway. */
    public static GatewayController portal(UiContext ctx) {
        return forGateway(ctx, GatewayConfig.PORTAL);
    }

    public static GatewayController forGateway(UiContext ctx, String gatewayName) {
        return controller(ctx, gatewayName, true);
    }

    private static GatewayController controller(UiContext ctx, String gatewayName, boolean withTest) {
        GatewayViewModel vm = ctx.viewModel("gateway:" + gatewayName,
                () -> new GatewayViewModel(ctx.services().gateways(), ctx.runner(), gatewayName));
        OAuthAuthorizationViewModel authorization = ctx.viewModel("gateway-oauth:" + gatewayName,
                () -> new OAuthAuthorizationViewModel(ctx.services().gateways(), ctx.services().oauth(),
                        ctx.services().gatewaySecrets(), ctx.runner(), ctx.events(), vm, ctx.browser()));
        // Support tests nothing (it would send through the gateway): no test panel at all.
        return new GatewayController(vm, authorization, ctx.i18n(), ctx.decoration(),
                withTest && ctx.roles().may(Operation.GATEWAY_TEST) ? () -> testPanel(ctx, gatewayName, vm) : null,
                ctx.roles());
    }

    /** "Tester la connexion" / "Envoyer un email de test", shown under the form it tests. */
    private static javafx.scene.Parent testPanel(UiContext ctx, String gatewayName, GatewayViewModel form) {
        GatewayTestViewModel test = ctx.viewModel("gateway-test:" + gatewayName,
                () -> new GatewayTestViewModel(ctx.services().diagnosis(), ctx.services().gateways(), ctx.runner(),
                        ctx.events(), form, () -> ctx.services().outbox()
                        .list(null, io.cockpit.smtp.core.outbox.Flow.TEST, 1).stream()
                        .flatMap(m -> m.to().stream()).findFirst().orElse(null)));
        return ctx.loader().load(TEST_FXML, type -> new GatewayTestController(test, ctx.i18n(), ctx.decoration())).root();
    }

    /**
     * The form as a node to embed in another screen (an engine's specific gateway), without the console's test panel:
     * an engine's gateway is proved by the test its engine runs from its own machine.
     */
    public static ViewLoader.View<GatewayController> load(UiContext ctx, String gatewayName) {
        return ctx.loader().load(FXML, type -> controller(ctx, gatewayName, false));
    }
}
