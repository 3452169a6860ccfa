package io.cockpit.smtp.core.outbox;

import java.util.Locale;
import java.util.Optional;

/** A message's life: queued → sending → sent, or deferred (retried later) or failed (permanent). */
public enum OutboxStatus {
    QUEUED, SENDING, DEFERRED, SENT, FAILED;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OutboxStatus> fromCli(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (OutboxStatus v : values()) {
            if (v.cliName().equals(s.trim())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
