package io.cockpit.smtp.core.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process last heard from a gateway's provider: when a token was last obtained, or why it was last refused,
 * for the token's health. Kept in memory like the tokens themselves.
 */
final class TokenLog {
    /** @param refusal null when the last answer was a token */
    record Last(Instant at, ProviderRefusal refusal, String words) {
    }

    private final Clock clock;
    private final Map<String, Last> last = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastToken = new ConcurrentHashMap<>();

    TokenLog(Clock clock) {
        this.clock = clock;
    }

    void obtained(String gateway) {
        Instant now = clock.instant();
        lastToken.put(gateway, now);
        last.put(gateway, new Last(now, null, null));
    }

    /** Only the provider's refusals are kept: an unreachable endpoint says nothing about the configuration. */
    void refused(String gateway, OAuthException e) {
        if (e.refusal() != null) {
            last.put(gateway, new Last(clock.instant(), e.refusal(), e.getMessage()));
        }
    }

    void refused(String gateway, ProviderRefusal refusal, String words) {
        last.put(gateway, new Last(clock.instant(), refusal, words));
    }

    Instant lastToken(String gateway) {
        return lastToken.get(gateway);
    }

    /** The last refusal, unless a token was obtained since. */
    Last refusal(String gateway) {
        Last l = last.get(gateway);
        return l == null || l.refusal() == null ? null : l;
    }
}
