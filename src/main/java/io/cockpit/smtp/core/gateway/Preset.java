package io.cockpit.smtp.core.gateway;

import java.util.Locale;

/** Well-known providers: a preset fills server, port, security and authentication; the other fields are kept. */
public enum Preset {
    /** Any submission server: keeps the server, uses the submission port with STARTTLS and a password. */
    GENERIC(null, 587, Security.STARTTLS, Authentication.PASSWORD),
    OFFICE365("smtp.office365.com", 587, Security.STARTTLS, Authentication.PASSWORD),
    GMAIL("smtp.gmail.com", 587, Security.STARTTLS, Authentication.PASSWORD);

    private final String server;
    private final int port;
    private final Security security;
    private final Authentication authentication;

    Preset(String server, int port, Security security, Authentication authentication) {
        this.server = server;
        this.port = port;
        this.security = security;
        this.authentication = authentication;
    }

    public GatewayConfig applyTo(GatewayConfig config) {
        GatewayConfig.Builder b = config.toBuilder().port(port).security(security).auth(authentication);
        if (server != null) {
            b.server(server);
        }
        return b.build();
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
