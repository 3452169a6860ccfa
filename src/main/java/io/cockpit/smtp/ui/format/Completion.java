package io.cockpit.smtp.ui.format;

import io.cockpit.smtp.core.template.ReportCatalogue;
import io.cockpit.smtp.core.template.TemplateVariable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Completion of a variable name after {@code ${}: what was typed so far and what can complete it. */
public final class Completion {
    private Completion() {
    }

    /**
     * The part of a name typed between an open {@code ${} and the caret ("" right after {@code ${}), or empty when the
     * caret is not in an open reference (an escaped {@code $${} does not open one).
     */
    public static Optional<String> prefixAt(String text, int caret) {
        if (caret < 2 || caret > text.length()) {
            return Optional.empty();
        }
        int i = caret;
        while (i > 0 && isNameChar(text.charAt(i - 1))) {
            i--;
        }
        if (i < 2 || text.charAt(i - 1) != '{' || text.charAt(i - 2) != '$') {
            return Optional.empty();
        }
        if (i >= 3 && text.charAt(i - 3) == '$') {
            return Optional.empty();
        }
        return Optional.of(text.substring(i, caret));
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** The catalogue's variables whose name starts with the prefix (any case), in catalogue order. */
    public static List<TemplateVariable> candidates(String prefix) {
        String p = prefix.toUpperCase(Locale.ROOT);
        return ReportCatalogue.get().variables().stream().filter(v -> v.name().startsWith(p)).toList();
    }
}
