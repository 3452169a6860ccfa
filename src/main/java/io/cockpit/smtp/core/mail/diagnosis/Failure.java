package io.cockpit.smtp.core.mail.diagnosis;

/** Why a step failed, as a code: the CLI and the screens turn it into words. */
public enum Failure {
    NAME_NOT_RESOLVED,
    CONNECTION_REFUSED,
    CONNECT_TIMEOUT,
    NETWORK_UNREACHABLE,
    /** Connected, then no answer within the read timeout. */
    SERVER_SILENT,
    /** The server answered the greeting or EHLO with an error. */
    GREETING_REFUSED,
    /** The peer does not speak TLS where TLS from the first byte was expected. */
    TLS_NOT_SPOKEN,
    STARTTLS_NOT_OFFERED,
    CERT_UNTRUSTED,
    CERT_EXPIRED,
    CERT_NAME_MISMATCH,
    TLS_HANDSHAKE_FAILED,
    AUTH_NOT_OFFERED,
    /** The server refused the credentials (535). */
    AUTH_REJECTED,
    /** The stored secret cannot be decrypted (key file missing or changed): enter it again. */
    SECRET_UNAVAILABLE,
    /** OAuth 2.0 needs an access token the console does not hold yet. */
    OAUTH_TOKEN_UNAVAILABLE,
    /** An address has a non-ASCII local part and the server does not offer SMTPUTF8: nothing was sent. */
    SMTPUTF8_NOT_OFFERED,
    SENDER_REFUSED,
    RECIPIENT_REFUSED,
    MESSAGE_REFUSED,
    CONNECTION_LOST,
    PROTOCOL_ERROR,
    CANCELLED,
    /** Microsoft Graph: the application lacks the Mail.Send permission for the mailbox (403, or not in its token). */
    PERMISSION_MISSING,
    /** Microsoft Graph refused the token (401). */
    TOKEN_REJECTED,
    /** Microsoft Graph asks to wait (429, 503). */
    THROTTLED,
    /** Microsoft Graph answered another error. */
    HTTP_ERROR
}
