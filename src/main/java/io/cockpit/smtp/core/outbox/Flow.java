package io.cockpit.smtp.core.outbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The portal's mail flows; their command-line names are fixed (docs/cli.md, {@code send --flow}). */
public enum Flow {
    TICKET_NOTIFICATION,
    REPORT_NOTIFICATION,
    PASSWORD_RESET,
    USER_ACCESS,
    FEEDBACK,
    TICKET_EMAIL,
    SUPERVISION_ALERT,
    TEST;

    /** "ticket-notification". */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Flow> fromCli(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim();
        return Arrays.stream(values()).filter(f -> f.cliName().equals(t)).findFirst();
    }

    /**
     * The portal's own mail: sent by the engine chosen in the gateway's Moteur. The others (supervision alerts, test
     * emails) may name the engine that sends them.
     */
    public boolean portal() {
        return this != SUPERVISION_ALERT && this != TEST;
    }

    /** The subject of this flow comes from the language's template, never from the caller. */
    public boolean subjectFromTemplate() {
        return this == REPORT_NOTIFICATION;
    }
}
