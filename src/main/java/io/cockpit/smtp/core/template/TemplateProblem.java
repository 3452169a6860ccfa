package io.cockpit.smtp.core.template;

import io.cockpit.smtp.core.validation.Severity;

/**
 * Something wrong in a template, at a place: syntax errors found by the parser, unknown variables found by the lint,
 * missing values found at preview. Core gives the kind and place; the screen and the CLI turn them into words.
 *
 * @param start UTF-16 offset of the {@code $} that opens the faulty reference (for the editor)
 * @param end UTF-16 offset just after it
 * @param column 1-based column of that {@code $}, counted in characters as a person sees them (code points)
 * @param name the variable name concerned, or the faulty text inside the braces; may be empty
 */
public record TemplateProblem(Kind kind, Severity severity, int start, int end, int column, String name) {

    public enum Kind {
        /** {@code ${} with no closing brace. */
        UNCLOSED(true),
        /** {@code ${}} or {@code ${:-x}}. */
        EMPTY_NAME(true),
        /** {@code ${1A}}, {@code ${A B}}, {@code ${name}}. */
        BAD_NAME(true),
        /** A well-formed name that the catalogue does not hold. */
        UNKNOWN_VARIABLE(false),
        /** A known variable with no value and no fallback: it renders as nothing. */
        VALUE_MISSING(false);

        private final boolean syntax;

        Kind(boolean syntax) {
            this.syntax = syntax;
        }

        public boolean isSyntaxError() {
            return syntax;
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
