package io.cockpit.smtp.core.gateway;

/** The gateway's fields by their stable names: the CLI option names, the history's field names, the screens' keys. */
public final class GatewayField {
    public static final String STATUS = "status";
    public static final String ENGINE = "engine";
    public static final String SERVER = "server";
    public static final String PORT = "port";
    public static final String SECURITY = "security";
    public static final String HELO = "helo";
    public static final String AUTH = "auth";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String OAUTH_PROVIDER = "oauth-provider";
    public static final String OAUTH_TENANT = "oauth-tenant";
    public static final String OAUTH_CLIENT_ID = "oauth-client-id";
    public static final String OAUTH_CLIENT_SECRET = "oauth-client-secret";
    /** Not a form field: the refresh token the console keeps, sealed under this name. */
    public static final String OAUTH_REFRESH_TOKEN = "oauth-refresh-token";
    public static final String OAUTH_TOKEN_URL = "oauth-token-url";
    public static final String OAUTH_SCOPE = "oauth-scope";
    public static final String FROM = "from";
    public static final String REPLY_TO = "reply-to";
    public static final String DISPLAY_NAME = "display-name";
    public static final String TRUSTED_CERTS = "trusted-certs";
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    public static final String READ_TIMEOUT = "read-timeout";
    public static final String MAX_PER_MINUTE = "max-per-minute";
    public static final String MAX_RECIPIENTS_PER_DAY = "max-recipients-per-day";
    public static final String TRANSPORT = "transport";
    public static final String GRAPH_URL = "graph-url";

    private GatewayField() {
    }
}
