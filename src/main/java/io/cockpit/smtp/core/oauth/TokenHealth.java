package io.cockpit.smtp.core.oauth;

import java.time.Instant;

/**
 * The health of a gateway's OAuth token as far as it is known without asking the provider.
 *
 * @param expiresAt when the token in hand expires; null when none is held
 * @param lastRefresh when this process last obtained a token; null when never
 * @param refusal why the provider (or the mail server) last refused, when it did after the last token; else null
 * @param refusalWords the provider's own words for that refusal (never a secret); null without a refusal
 */
public record TokenHealth(State state, Instant expiresAt, Instant lastRefresh, ProviderRefusal refusal,
                          String refusalWords) {
    public enum State {
        /** The gateway does not use OAuth. */
        NOT_USED,
        /** A token obtained in this process is valid until {@code expiresAt}. */
        VALID,
        /** A refresh token is stored: tokens are refreshed as needed. */
        REFRESH_TOKEN_STORED,
        /** A client secret is stored: tokens come from the client-credentials grant. */
        CLIENT_SECRET_STORED,
        /** Neither: run {@code gateway authorize} or set the client secret. */
        MISSING
    }

    public TokenHealth(State state, Instant expiresAt) {
        this(state, expiresAt, null, null, null);
    }

    public String cliName() {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
