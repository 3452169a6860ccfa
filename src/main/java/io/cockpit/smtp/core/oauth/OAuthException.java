package io.cockpit.smtp.core.oauth;

/** Getting an access token failed; the reason is a code, the message plain words (never a secret). */
public final class OAuthException extends Exception {
    public enum Reason {
        /** Provider, client id, secret or token URL missing. */
        NOT_CONFIGURED,
        /** The provider refused the client (invalid_client, unauthorized_client). */
        CLIENT_REFUSED,
        /** The refresh token or code is no longer valid (invalid_grant): authorize again. */
        GRANT_REFUSED,
        /** The token endpoint could not be reached or did not answer in time. */
        UNREACHABLE,
        /** The token endpoint answered something that is not a token. */
        BAD_RESPONSE,
        /** The user did not complete the authorization in time, or refused it. */
        NOT_AUTHORIZED
    }

    private final Reason reason;
    private final ProviderRefusal refusal;

    public OAuthException(Reason reason, String message) {
        super(message);
        this.reason = reason;
        this.refusal = null;
    }

    public OAuthException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.refusal = null;
    }

    /** The provider answered with a refusal: its cause as a code, for words the user can act on. */
    public OAuthException(Reason reason, ProviderRefusal refusal, String message) {
        super(message);
        this.reason = reason;
        this.refusal = refusal;
    }

    public Reason reason() {
        return reason;
    }

    /** Why the provider refused; null when it did not answer with a refusal. */
    public ProviderRefusal refusal() {
        return refusal;
    }
}
