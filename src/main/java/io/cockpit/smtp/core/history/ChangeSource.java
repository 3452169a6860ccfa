package io.cockpit.smtp.core.history;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a saved change came from: a screen of the console, a command, or a configuration file imported. */
public enum ChangeSource {
    SCREEN,
    COMMAND,
    IMPORT;

    /** As stored and as {@code config history --json} prints it: {@code screen}, {@code command}, {@code import}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChangeSource> fromCli(String s) {
        return Arrays.stream(values()).filter(v -> v.cliName().equals(s)).findFirst();
    }
}
