package io.cockpit.smtp.core.gateway;

import io.cockpit.smtp.core.store.SealedSecret;
import java.util.List;

/**
 * One SMTP gateway as it is stored: the portal's ("portal") or an engine's specific one.
 * Immutable; edit through {@link #toBuilder()}. Secrets are only ever held sealed.
 *
 * @param version optimistic-lock version; 0 for a gateway never saved
 * @param transport SMTP, or Microsoft Graph's sendMail with the OAuth client's application token
 * @param graphUrl the Graph endpoint; null for {@link Transport#DEFAULT_GRAPH_URL}
 * @param maxRecipientsPerDay the provider's cap on recipients in any 24 hours, counted for every engine sending
 *                            through this gateway; 0: no cap
 */
public record GatewayConfig(
        String name,
        GatewayStatus status,
        String engine,
        String server,
        int port,
        Security security,
        String helo,
        Authentication auth,
        String username,
        SealedSecret password,
        OAuthSettings oauth,
        String from,
        String replyTo,
        String displayName,
        List<TrustedCertificate> trustedCertificates,
        int connectTimeoutSeconds,
        int readTimeoutSeconds,
        int maxPerMinute,
        boolean preconfigured,
        long version,
        Transport transport,
        String graphUrl,
        int maxRecipientsPerDay) {

    public static final String PORTAL = "portal";
    public static final int DEFAULT_CONNECT_TIMEOUT = 10;
    public static final int DEFAULT_READ_TIMEOUT = 30;

    public GatewayConfig {
        trustedCertificates = trustedCertificates == null ? List.of() : List.copyOf(trustedCertificates);
        oauth = oauth == null ? OAuthSettings.EMPTY : oauth;
        transport = transport == null ? Transport.SMTP : transport;
    }

    /** What a gateway looks like before anyone configured it: inactive, local engine, plain port 25. */
    public static GatewayConfig defaults(String name) {
        return new GatewayConfig(name, GatewayStatus.INACTIVE, "local", null, Security.NONE.usualPort(), Security.NONE,
                null, Authentication.NONE, null, null, OAuthSettings.EMPTY, null, null, null, List.of(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, 0, false, 0, Transport.SMTP, null, 0);
    }

    public boolean passwordSet() {
        return password != null;
    }

    /** The Graph endpoint this gateway posts to: its own, or the worldwide one. */
    public String effectiveGraphUrl() {
        return graphUrl == null || graphUrl.isBlank() ? Transport.DEFAULT_GRAPH_URL : graphUrl.trim();
    }

    public boolean isActive() {
        return status == GatewayStatus.ACTIVE;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** OAuth 2.0 settings for SASL XOAUTH2; secrets sealed. */
    public record OAuthSettings(OAuthProvider provider, String tenant, String clientId, SealedSecret clientSecret,
                                String tokenUrl, String scope, SealedSecret refreshToken) {
        public static final OAuthSettings EMPTY = new OAuthSettings(null, null, null, null, null, null, null);
    }

    /** Mutable edit buffer for a {@link GatewayConfig}. */
    public static final class Builder {
        private String name;
        private GatewayStatus status;
        private String engine;
        private String server;
        private int port;
        private Security security;
        private String helo;
        private Authentication auth;
        private String username;
        private SealedSecret password;
        private OAuthSettings oauth;
        private String from;
        private String replyTo;
        private String displayName;
        private List<TrustedCertificate> trustedCertificates;
        private int connectTimeoutSeconds;
        private int readTimeoutSeconds;
        private int maxPerMinute;
        private boolean preconfigured;
        private long version;
        private Transport transport;
        private String graphUrl;
        private int maxRecipientsPerDay;

        private Builder(GatewayConfig c) {
            name = c.name;
            status = c.status;
            engine = c.engine;
            server = c.server;
            port = c.port;
            security = c.security;
            helo = c.helo;
            auth = c.auth;
            username = c.username;
            password = c.password;
            oauth = c.oauth;
            from = c.from;
            replyTo = c.replyTo;
            displayName = c.displayName;
            trustedCertificates = c.trustedCertificates;
            connectTimeoutSeconds = c.connectTimeoutSeconds;
            readTimeoutSeconds = c.readTimeoutSeconds;
            maxPerMinute = c.maxPerMinute;
            preconfigured = c.preconfigured;
            version = c.version;
            transport = c.transport;
            graphUrl = c.graphUrl;
            maxRecipientsPerDay = c.maxRecipientsPerDay;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder status(GatewayStatus v) { status = v; return this; }
        public Builder engine(String v) { engine = v; return this; }
        public Builder server(String v) { server = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder security(Security v) { security = v; return this; }
        public Builder helo(String v) { helo = v; return this; }
        public Builder auth(Authentication v) { auth = v; return this; }
        public Builder username(String v) { username = v; return this; }
        public Builder password(SealedSecret v) { password = v; return this; }
        public Builder oauth(OAuthSettings v) { oauth = v; return this; }
        public Builder from(String v) { from = v; return this; }
        public Builder replyTo(String v) { replyTo = v; return this; }
        public Builder displayName(String v) { displayName = v; return this; }
        public Builder trustedCertificates(List<TrustedCertificate> v) { trustedCertificates = v; return this; }
        public Builder connectTimeoutSeconds(int v) { connectTimeoutSeconds = v; return this; }
        public Builder readTimeoutSeconds(int v) { readTimeoutSeconds = v; return this; }
        public Builder maxPerMinute(int v) { maxPerMinute = v; return this; }
        public Builder preconfigured(boolean v) { preconfigured = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder transport(Transport v) { transport = v; return this; }
        public Builder graphUrl(String v) { graphUrl = v; return this; }
        public Builder maxRecipientsPerDay(int v) { maxRecipientsPerDay = v; return this; }

        public GatewayConfig build() {
            return new GatewayConfig(name, status, engine, server, port, security, helo, auth, username, password,
                    oauth, from, replyTo, displayName, trustedCertificates, connectTimeoutSeconds,
                    readTimeoutSeconds, maxPerMinute, preconfigured, version, transport, graphUrl, maxRecipientsPerDay);
        }
    }
}
