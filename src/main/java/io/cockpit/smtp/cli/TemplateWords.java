package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.template.TemplateProblem;

/** The CLI's English for template problems (the console's words are in its bundles, key {@code format.problem.<KIND>}). */
final class TemplateWords {
    private TemplateWords() {
    }

    /** "column 9: unknown variable ${REPORT_NAM}". */
    static String sentence(TemplateProblem p) {
        return "column " + p.column() + ": " + message(p);
    }

    /** The problem without its place: "unknown variable ${REPORT_NAM}". */
    static String message(TemplateProblem p) {
        return switch (p.kind()) {
            case UNKNOWN_VARIABLE, VALUE_MISSING -> english(p.kind()) + " ${" + p.name() + "}";
            case BAD_NAME -> english(p.kind()) + ": '" + p.name() + "'";
            default -> english(p.kind());
        };
    }

    private static String english(TemplateProblem.Kind kind) {
        return switch (kind) {
            case UNCLOSED -> "'${' is never closed by '}'";
            case EMPTY_NAME -> "the variable name is empty";
            case BAD_NAME -> "malformed variable name (capital letters, digits and _ only, starting with a letter)";
            case UNKNOWN_VARIABLE -> "unknown variable";
            case VALUE_MISSING -> "no value for this variable: it renders as nothing";
        };
    }
}
