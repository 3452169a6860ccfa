package io.cockpit.smtp.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A save refused because of invalid values; nothing was changed. */
public final class ValidationException extends Exception {
    private final List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        // "port: PORT_RANGE", for logs: the CLI and the screens word each problem from its code.
        super(problems.stream().map(p -> p.field() + ": " + p.problem()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static ValidationException of(String field, Problem problem) {
        return new ValidationException(List.of(FieldProblem.error(field, problem)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Throws when any of the problems is an error; warnings alone pass. */
    public static void throwIfErrors(List<FieldProblem> problems) throws ValidationException {
        if (problems.stream().anyMatch(FieldProblem::isError)) {
            throw new ValidationException(problems.stream().filter(FieldProblem::isError).toList());
        }
    }
}
