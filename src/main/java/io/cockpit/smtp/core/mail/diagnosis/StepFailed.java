package io.cockpit.smtp.core.mail.diagnosis;

/** Ends a run at a failed step, already recorded in the {@link StepLog}. */
final class StepFailed extends Exception {
    private final Step step;
    private final Failure failure;

    StepFailed(Step step, Failure failure) {
        super(step + ": " + failure, null, false, false);
        this.step = step;
        this.failure = failure;
    }

    Step step() {
        return step;
    }

    Failure failure() {
        return failure;
    }
}
