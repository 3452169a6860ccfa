package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisService;

/** Test emails enter the outbox history with flow {@code test}, sent or failed with the server's reply. */
public final class TestEmailHistory {
    private TestEmailHistory() {
    }

    public static DiagnosisService.TestEmailLog into(OutboxService outbox) {
        return r -> {
            DiagnosisReport.TestEmail e = r.testEmail();
            String error = r.ok() ? null : (r.failedStep() == null ? "" : r.failedStep().id() + ": ")
                    + r.failure() + (r.lastReply() == null ? "" : " (" + r.lastReply() + ")");
            outbox.recordDirect(Flow.TEST, e.to(), e.subject(), e.body(), e.messageId(), r.ok(), error);
        };
    }
}
