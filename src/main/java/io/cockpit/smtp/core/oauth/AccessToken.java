package io.cockpit.smtp.core.oauth;

import java.time.Instant;

/**
 * An access token and when it expires. {@code toString} never shows the token.
 *
 * @param refreshToken a new refresh token when the provider rotated it, else null
 */
public record AccessToken(String value, Instant expiresAt, String refreshToken) {
    public boolean validAt(Instant now) {
        return expiresAt.isAfter(now.plusSeconds(60));
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
