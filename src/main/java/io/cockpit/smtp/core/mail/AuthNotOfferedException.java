package io.cockpit.smtp.core.mail;

import jakarta.mail.MessagingException;

/**
 * Authentication is configured but the server does not offer it (or not the configured mechanism). Angus would go on
 * unauthenticated without a word; we stop instead, and nothing is sent.
 */
public final class AuthNotOfferedException extends MessagingException {
    public AuthNotOfferedException(String offered) {
        super("the server does not offer the configured authentication (AUTH offered: "
                + (offered == null || offered.isBlank() ? "none" : offered) + ")");
    }
}
