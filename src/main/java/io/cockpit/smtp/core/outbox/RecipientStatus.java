package io.cockpit.smtp.core.outbox;

import java.util.Locale;

/** One recipient's outcome: a retry goes only to recipients still pending or deferred. */
public enum RecipientStatus {
    PENDING, ACCEPTED, DEFERRED, REJECTED;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean stillToSend() {
        return this == PENDING || this == DEFERRED;
    }
}
