package io.cockpit.smtp.core.mail.diagnosis;

import java.util.List;

/**
 * One finished step.
 *
 * @param details technical facts as codes and values (addresses, replies, protocol, certificate), in the order they
 *                are read; never words, never a secret
 * @param failure why it failed; null when it passed
 */
public record StepResult(Step step, boolean ok, long millis, List<Detail> details, Failure failure) {
    public StepResult {
        details = List.copyOf(details);
    }

    public static StepResult passed(Step step, long millis, List<Detail> details) {
        return new StepResult(step, true, millis, details, null);
    }

    public static StepResult failed(Step step, long millis, List<Detail> details, Failure failure) {
        return new StepResult(step, false, millis, details, failure);
    }
}
