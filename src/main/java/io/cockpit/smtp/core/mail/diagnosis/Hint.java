package io.cockpit.smtp.core.mail.diagnosis;

/** Advice drawn from a failure or from what the server offered; the CLI and the screens give the words. */
public enum Hint {
    /** SSL (TLS from the first byte) is configured, but the server speaks plain SMTP there: use STARTTLS. */
    SSL_ON_STARTTLS_PORT,
    /** STARTTLS (or none) is configured, but the port expects TLS from the first byte: use SSL. */
    STARTTLS_ON_SSL_PORT,
    STARTTLS_NOT_OFFERED,
    CERT_UNTRUSTED,
    CERT_EXPIRED,
    CERT_NAME_MISMATCH,
    AUTH_NOT_OFFERED,
    CREDENTIALS_REFUSED,
    /** 5.7.x on MAIL FROM or RCPT TO: the sender is not allowed, or relaying is denied. */
    SENDER_OR_RELAY_REFUSED,
    /** A timeout: a firewall dropping packets, or the wrong port. */
    SERVER_SILENT,
    NAME_NOT_RESOLVED,
    CONNECTION_REFUSED,
    SECRET_UNAVAILABLE,
    /** Security is none, yet the server offers STARTTLS. */
    STARTTLS_AVAILABLE,
    /** Authentication is configured in plain text (security none). */
    AUTH_IN_CLEAR,
    /**
     * Microsoft 365 refused SMTP AUTH for the mailbox or the tenant (535 5.7.139, 5.7.3) with a token: no SMTP
     * configuration can work there; send through Microsoft Graph.
     */
    SMTP_AUTH_DISABLED,
    /** Microsoft 365 refused a password (535 5.7.139, 5.7.3: basic authentication is off): use OAuth 2.0. */
    BASIC_AUTH_DISABLED,
    /** Google wants an application password or a browser sign-in (534 5.7.9, 5.7.14): use OAuth 2.0. */
    GOOGLE_NEEDS_OAUTH,
    /** Microsoft Graph: grant the Mail.Send application permission and an administrator's consent. */
    GRAPH_PERMISSION_MISSING,
    /** Microsoft Graph throttles: the sender waits as long as it asks; nothing to change. */
    GRAPH_THROTTLED
}
