package io.cockpit.smtp.core.mail.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The steps of one run as they finish, told to the listener as they start and end. */
final class StepLog {
    private final DiagnosisListener listener;
    private final Cancellation cancellation;
    private final List<StepResult> results = new ArrayList<>();

    StepLog(DiagnosisListener listener, Cancellation cancellation) {
        this.listener = listener;
        this.cancellation = cancellation;
    }

    void started(Step step) {
        listener.stepStarted(step);
    }

    /** Ends the run before {@code next} when a stop was asked for: nothing more is tried. */
    void checkNotCancelled(Step next) throws StepFailed {
        if (cancellation.stopRequested()) {
            throw fail(next, 0, 0, List.of(Detail.of(Detail.Code.CANCELLED)), Failure.CANCELLED);
        }
    }

    /** Starts a step unless a stop was asked for; returns its start time. */
    long begin(Step step) throws StepFailed {
        checkNotCancelled(step);
        started(step);
        return System.nanoTime();
    }

    void pass(Step step, long from, long to, List<Detail> details) {
        add(StepResult.passed(step, millis(from, to), details));
    }

    /** Records the failed step and returns what ends the run, for the caller to throw. */
    StepFailed fail(Step step, long from, long to, List<Detail> details, Failure failure) {
        add(StepResult.failed(step, millis(from, to), details, failure));
        return new StepFailed(step, failure);
    }

    void add(StepResult r) {
        results.add(r);
        listener.stepFinished(r);
    }

    List<StepResult> results() {
        return List.copyOf(results);
    }

    static long millis(long from, long to) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(to - from));
    }
}
