package io.cockpit.smtp.core.gateway;

import java.util.Locale;

/** Inactive: no email is sent; messages wait in the outbox until the gateway is active again. */
public enum GatewayStatus {
    ACTIVE, INACTIVE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
