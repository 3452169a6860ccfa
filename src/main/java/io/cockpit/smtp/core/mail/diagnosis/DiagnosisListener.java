package io.cockpit.smtp.core.mail.diagnosis;

/** Progress of a running diagnosis; called on the diagnosis thread (a UI adapter moves it to its own thread). */
public interface DiagnosisListener {
    DiagnosisListener NONE = new DiagnosisListener() {
    };

    default void stepStarted(Step step) {
    }

    default void stepFinished(StepResult result) {
    }

    /**
     * A line of the SMTP conversation as it is seen ("S: ...", "C: ...", "* ..."), already masked. The report's
     * transcript is the reference: a note may be placed earlier there than it was told here.
     */
    default void transcriptLine(String line) {
    }
}
