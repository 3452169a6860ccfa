package io.cockpit.smtp.core.gateway;

import java.util.Locale;

/**
 * Well-known providers: a preset fills server, port, security and authentication, and the sending limits the provider
 * documents; the other fields are kept, and so is a limit the provider does not document. The figures and where they
 * come from: docs/decisions/0010-provider-limits.md.
 */
public enum Preset {
    /** Any submission server: keeps the server, uses the submission port with STARTTLS and a password. */
    GENERIC(null, 587, Security.STARTTLS, Authentication.PASSWORD, null, null),
    /** Exchange Online: 30 messages a minute and 10,000 recipients a day per mailbox. */
    OFFICE365("smtp.office365.com", 587, Security.STARTTLS, Authentication.PASSWORD, 30, 10_000),
    /**
     * Google Workspace: 2,000 messages a day per user (10,000 recipients); no per-minute figure is published. Counting
     * recipients against 2,000 keeps both limits, since every message has at least one.
     */
    GMAIL("smtp.gmail.com", 587, Security.STARTTLS, Authentication.PASSWORD, null, 2_000);

    private final String server;
    private final int port;
    private final Security security;
    private final Authentication authentication;
    private final Integer maxPerMinute;
    private final Integer maxRecipientsPerDay;

    Preset(String server, int port, Security security, Authentication authentication, Integer maxPerMinute,
           Integer maxRecipientsPerDay) {
        this.server = server;
        this.port = port;
        this.security = security;
        this.authentication = authentication;
        this.maxPerMinute = maxPerMinute;
        this.maxRecipientsPerDay = maxRecipientsPerDay;
    }

    public GatewayConfig applyTo(GatewayConfig config) {
        GatewayConfig.Builder b = config.toBuilder().port(port).security(security).auth(authentication);
        if (server != null) {
            b.server(server);
        }
        if (maxPerMinute != null) {
            b.maxPerMinute(maxPerMinute);
        }
        if (maxRecipientsPerDay != null) {
            b.maxRecipientsPerDay(maxRecipientsPerDay);
        }
        return b.build();
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
