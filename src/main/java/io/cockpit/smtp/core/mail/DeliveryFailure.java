package io.cockpit.smtp.core.mail;

/**
 * The connection for a batch could not be opened or authenticated. {@code permanent}: retrying cannot help as the
 * gateway stands (authentication configured but not offered); otherwise the messages wait and are tried again.
 */
public final class DeliveryFailure extends Exception {
    private final boolean permanent;

    public DeliveryFailure(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }

    /** The server refused the credentials (for OAuth 2.0: the access token, which a fresh one may replace). */
    public boolean authenticationRefused() {
        return getCause() instanceof jakarta.mail.AuthenticationFailedException;
    }
}
