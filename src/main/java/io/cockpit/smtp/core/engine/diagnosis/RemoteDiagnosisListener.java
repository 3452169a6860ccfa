package io.cockpit.smtp.core.engine.diagnosis;

import io.cockpit.smtp.core.mail.diagnosis.DiagnosisListener;

/** Progress of a diagnosis an engine runs for this process: the steps and lines as its engine writes them. */
public interface RemoteDiagnosisListener extends DiagnosisListener {
    RemoteDiagnosisListener NONE = new RemoteDiagnosisListener() {
    };

    /** The engine took the request and runs it from {@code host}. */
    default void taken(String host) {
    }
}
