package io.cockpit.smtp.core.validation;

import java.util.Objects;

/**
 * A problem with one field.
 *
 * @param field the field's stable name, as the CLI option spells it ("port", "reply-to")
 */
public record FieldProblem(String field, Problem problem, Severity severity) {
    public FieldProblem {
        Objects.requireNonNull(field);
        Objects.requireNonNull(problem);
        Objects.requireNonNull(severity);
    }

    public static FieldProblem error(String field, Problem problem) {
        return new FieldProblem(field, problem, Severity.ERROR);
    }

    public static FieldProblem warning(String field, Problem problem) {
        return new FieldProblem(field, problem, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
