package io.cockpit.smtp.core.oauth;

import java.time.Instant;

/** The health of a gateway's OAuth token as far as it is known without asking the provider. */
public record TokenHealth(State state, Instant expiresAt) {
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

    public String cliName() {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
