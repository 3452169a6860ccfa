package io.cockpit.smtp.ui.common;

import io.cockpit.smtp.core.access.NotPermittedException;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.ValidationException;

/** What a failed save means for a form, the same for every screen that edits a stored record. */
public enum SaveFailure {
    /** Someone else saved first: nothing was overwritten. */
    CONFLICT,
    /** The user's role may not make this change (their role changed since the screen opened): nothing was saved. */
    NOT_PERMITTED,
    /** The service refused a value: each problem is now on its field. */
    INVALID,
    /** Anything else (the store failed): the caller logs it. */
    FAILED;

    /** Classifies {@code e}; for {@link #INVALID}, puts each problem on the field it names (fields not shown are skipped). */
    public static SaveFailure of(Throwable e, FieldProblems fields) {
        if (e instanceof ConflictException) {
            return CONFLICT;
        }
        if (e instanceof NotPermittedException) {
            return NOT_PERMITTED;
        }
        if (e instanceof ValidationException v) {
            for (FieldProblem p : v.problems()) {
                if (fields.has(p.field())) {
                    fields.set(p.field(), p);
                }
            }
            return INVALID;
        }
        return FAILED;
    }
}
