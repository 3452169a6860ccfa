package io.cockpit.smtp.core.engine.diagnosis;

import java.util.Locale;

/** Where a diagnosis request stands, as stored in {@code engine_diagnosis.status}. */
enum RequestStatus {
    /** Waiting for the engine to take it. */
    REQUESTED,
    /** The engine runs it and writes its steps. */
    RUNNING,
    /** The engine wrote the whole report. */
    DONE,
    /** Stopped on the requester's demand, or given up by it (the engine went silent, or took too long). */
    CANCELLED,
    /** Nobody took it in time. */
    EXPIRED,
    /** The engine refused it: its gateway cannot be tried (no server, no From address...); the report holds why. */
    FAILED;

    String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RequestStatus fromDb(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
