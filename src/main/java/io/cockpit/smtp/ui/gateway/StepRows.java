package io.cockpit.smtp.ui.gateway;

import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.core.mail.diagnosis.StepResult;
import io.cockpit.smtp.ui.gateway.GatewayTestViewModel.StepRow;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The steps of a diagnosis as a list shows them while it runs, here or on an engine: a step appears running when it
 * starts and takes its outcome in place when it ends; the final report replaces them all. FX thread only.
 */
public final class StepRows {
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();

    public ObservableList<StepRow> list() {
        return rows;
    }

    public void started(Step step) {
        if (rows.stream().noneMatch(r -> r.step() == step)) {
            rows.add(new StepRow(step, true, null));
        }
    }

    public void finished(StepResult result) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).step() == result.step()) {
                rows.set(i, new StepRow(result.step(), false, result));
                return;
            }
        }
        rows.add(new StepRow(result.step(), false, result));
    }

    /** The report is the truth: steps started but never finished (Angus's connect ends them together) go. */
    public void show(DiagnosisReport report) {
        rows.setAll(report.steps().stream().map(s -> new StepRow(s.step(), false, s)).toList());
    }

    /** The diagnosis ended without a report: what was still running will not finish. */
    public void dropRunning() {
        rows.removeIf(StepRow::running);
    }

    public void clear() {
        rows.clear();
    }
}
