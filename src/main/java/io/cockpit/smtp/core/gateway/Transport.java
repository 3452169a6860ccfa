package io.cockpit.smtp.core.gateway;

import java.util.Locale;

/**
 * How a gateway hands its messages over: SMTP to its server, or Microsoft Graph's {@code sendMail} over HTTPS, for
 * Microsoft 365 tenants where SMTP AUTH is disabled.
 */
public enum Transport {
    SMTP, GRAPH;

    /** Where Graph is when the gateway names no other endpoint (the national clouds have their own). */
    public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com";

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
