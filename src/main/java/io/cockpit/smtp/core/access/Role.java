package io.cockpit.smtp.core.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do with the store: an administrator changes everything; support reads everything and tries
 * templates; an operator sends manual and test emails, tests the saved gateway and retries messages.
 */
public enum Role {
    ADMINISTRATOR,
    SUPPORT,
    OPERATOR;

    /** As stored and as the CLI spells it: {@code administrator}, {@code support}, {@code operator}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCli(String s) {
        return Arrays.stream(values()).filter(r -> r.cliName().equals(s)).findFirst();
    }
}
