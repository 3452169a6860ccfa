package io.cockpit.smtp.ui.main;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.FxEvents;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The status bar's state: the portal gateway's status (following every save) and where the store is. */
public final class MainViewModel {
    private final ReadOnlyObjectWrapper<GatewayStatus> gatewayStatus = new ReadOnlyObjectWrapper<>(this, "gatewayStatus");
    private final String databaseLocation;
    private final GatewayService gateways;
    private final BackgroundRunner runner;

    public MainViewModel(GatewayService gateways, BackgroundRunner runner, FxEvents events, String databaseLocation) {
        this.gateways = gateways;
        this.runner = runner;
        this.databaseLocation = databaseLocation;
        gateways.addSavedListener(events.deliver(saved -> {
            if (GatewayConfig.PORTAL.equals(saved.name())) {
                gatewayStatus.set(saved.status());
            }
        }));
    }

    public void load() {
        runner.run(gateways::loadPortal).onSuccess(g -> gatewayStatus.set(g.status())).start();
    }

    public ReadOnlyObjectProperty<GatewayStatus> gatewayStatusProperty() {
        return gatewayStatus.getReadOnlyProperty();
    }

    public String databaseLocation() {
        return databaseLocation;
    }
}
