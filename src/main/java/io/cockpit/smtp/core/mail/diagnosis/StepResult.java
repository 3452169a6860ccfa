package io.cockpit.smtp.core.mail.diagnosis;

/**
 * One finished step.
 *
 * @param detail technical facts (addresses, replies, protocol, certificate), not sentences; never a secret
 * @param failure why it failed; null when it passed
 */
public record StepResult(Step step, boolean ok, long millis, String detail, Failure failure) {
    public static StepResult passed(Step step, long millis, String detail) {
        return new StepResult(step, true, millis, detail, null);
    }

    public static StepResult failed(Step step, long millis, String detail, Failure failure) {
        return new StepResult(step, false, millis, detail, failure);
    }
}
