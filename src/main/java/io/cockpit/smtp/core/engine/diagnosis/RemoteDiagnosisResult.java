package io.cockpit.smtp.core.engine.diagnosis;

import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import java.time.Instant;

/**
 * What came of asking an engine for a diagnosis.
 *
 * @param report the engine's report; null unless {@link Outcome#DONE} (or a cancelled run that still reported)
 * @param host the machine the engine ran it from; null when no engine took it
 * @param lastSeen the engine's last heartbeat when it did not answer (offline or lost), else null
 */
public record RemoteDiagnosisResult(Outcome outcome, DiagnosisReport report, String host, Instant lastSeen) {
    public enum Outcome {
        /** The engine ran it: the report says how it went. */
        DONE,
        /** Nobody took it in time and the engine is offline (stopped, or its heartbeat is stale). */
        ENGINE_OFFLINE,
        /** The engine is online but did not take it in time (busy with another run, or an older version). */
        NO_ANSWER,
        /** The engine took it, then went offline before it finished. */
        ENGINE_LOST,
        /** The engine took it and ran longer than the gateway's timeouts allow. */
        TIMED_OUT,
        /** Stopped on demand. */
        CANCELLED
    }

    public boolean ok() {
        return outcome == Outcome.DONE && report != null && report.ok();
    }
}
