package io.cockpit.smtp.core.outbox;

import java.util.Locale;
import java.util.Optional;

/** Who reads the message, hence which portal URL the links use. */
public enum Audience {
    USER, OPERATOR;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Audience> fromCli(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Audience a : values()) {
            if (a.cliName().equals(s.trim())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
