package io.cockpit.smtp.ui.engines;


import io.cockpit.smtp.core.engine.diagnosis.RemoteDiagnosis;
import io.cockpit.smtp.core.engine.diagnosis.RemoteDiagnosisResult;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.ui.common.FieldLabels;
import io.cockpit.smtp.ui.common.I18n;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** The Moteurs screen's sentences: how long ago, what an engine's state means for its messages, how a test ended. */
final class EngineWords {
    private final I18n i18n;

    EngineWords(I18n i18n) {
        this.i18n = i18n;
    }

    /** "il y a 12 s", "il y a 3 min", a date past a day; "jamais" for an engine that never ran. */
    String ago(Duration since, Instant at) {
        if (since == null || at == null) {
            return i18n.get("engines.ago.never");
        }
        if (since.toSeconds() < 2) {
            return i18n.get("engines.ago.now");
        }
        if (since.toMinutes() < 1) {
            return i18n.get("engines.ago.seconds", since.toSeconds());
        }
        if (since.toHours() < 1) {
            return i18n.get("engines.ago.minutes", since.toMinutes());
        }
        if (since.toDays() < 1) {
            return i18n.get("engines.ago.hours", since.toHours());
        }
        return i18n.dateTime(at);
    }

    /** An offline engine's messages wait for it alone: the state says how many, right in the table. */
    String state(EngineRow r) {
        if (r.online()) {
            return i18n.get("engines.state.online");
        }
        return r.waiting() > 0 ? i18n.get("engines.state.offlineWaiting", r.waiting()) : i18n.get("engines.state.offline");
    }

    String gateway(EngineRow r) {
        return r.specificGateway() ? i18n.get("engines.gateway.specific") : i18n.get("engines.gateway.portal");
    }

    /** Where and what it runs: kind, host, version, process, since when. */
    String process(EngineRow r) {
        String kind = r.remote() ? i18n.get("engines.details.remote") : i18n.get("engines.details.local");
        if (!r.everRan()) {
            return i18n.get("engines.details.neverRan", kind, r.name());
        }
        return i18n.get("engines.details.process", kind, r.host(), r.version(), r.pid() == null ? "?" : r.pid().toString(),
                r.startedAt() == null ? "?" : i18n.dateTime(r.startedAt()));
    }

    /** An offline engine's messages wait for it: how many, and how to let them go. */
    String offline(EngineRow r) {
        return i18n.get("engines.offline", r.name(), ago(r.sinceSeen(), r.lastSeen()), r.waiting());
    }

    // --- Tester depuis le moteur ---

    String testOffline() {
        return i18n.get("engines.test.offline", RemoteDiagnosis.PICKUP_TIMEOUT.toSeconds());
    }

    String testProgress(EngineTestViewModel vm) {
        return switch (vm.stateProperty().get()) {
            case WAITING -> i18n.get("engines.test.waiting", vm.engine());
            case RUNNING -> i18n.get("engines.test.running", vm.engine(), vm.hostProperty().get());
            default -> "";
        };
    }

    String testResult(EngineTestViewModel vm) {
        RemoteDiagnosisResult r = vm.resultProperty().get();
        String engine = vm.engine();
        return switch (vm.stateProperty().get()) {
            case PASSED -> passed(r.host(), r.report());
            case FAILED -> i18n.get("engines.test.result.failed", r.host(), i18n.of("diagnosis.step", r.report().failedStep()),
                    i18n.of("diagnosis.failure", r.report().failure()),
                    r.report().lastReply() == null ? "" : " (" + r.report().lastReply() + ")");
            case CANCELLED -> i18n.get("engines.test.result.cancelled");
            case UNANSWERED -> unanswered(engine, r);
            case INVALID -> vm.invalidProperty().get().isEmpty() ? i18n.get("engines.test.result.recipient")
                    : i18n.get("engines.test.result.invalid", problems(vm.invalidProperty().get()));
            case ERROR -> i18n.get("engines.test.result.error");
            default -> "";
        };
    }

    private String passed(String host, DiagnosisReport report) {
        return report.messageId() != null ? i18n.get("engines.test.result.sent", host, report.messageId())
                : i18n.get("engines.test.result.passed", host);
    }

    /** The core's reasons for giving up, in words: nothing waits for an engine without end. */
    private String unanswered(String engine, RemoteDiagnosisResult r) {
        String seen = ago(r.lastSeen() == null ? null : Duration.between(r.lastSeen(), Instant.now()), r.lastSeen());
        long pickup = RemoteDiagnosis.PICKUP_TIMEOUT.toSeconds();
        return switch (r.outcome()) {
            case ENGINE_OFFLINE -> i18n.get("engines.test.result.offline", engine, seen, pickup);
            case NO_ANSWER -> i18n.get("engines.test.result.noAnswer", engine, pickup);
            case ENGINE_LOST -> i18n.get("engines.test.result.lost", engine, r.host(), seen);
            case TIMED_OUT -> i18n.get("engines.test.result.timedOut", engine, r.host());
            case DONE, CANCELLED -> "";
        };
    }

    /** Each field by its label on the gateway form, with its problem. */
    private String problems(List<FieldProblem> problems) {
        return problems.stream().map(p -> i18n.get("engines.test.field", fieldLabel(p.field()), i18n.of("problem", p.problem())))
                .collect(Collectors.joining(" "));
    }

    /** A field the engine checks before it tries its gateway, by its label on the gateway form. */
    private String fieldLabel(String field) {
        String label = FieldLabels.gatewayLabel(field);
        return label == null ? field : i18n.get(label);
    }
}
