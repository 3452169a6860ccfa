package io.cockpit.smtp.ui.gateway;

import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.gateway.GatewayTestViewModel.StepRow;
import javafx.scene.control.ListCell;

/**
 * A diagnosis step in a list, in the console's language: running, or its outcome, its time and its details. The
 * gateway's own test and the test an engine runs from its machine show their steps alike.
 */
public final class DiagnosisStepCell extends ListCell<StepRow> {
    private final I18n i18n;
    private final StepDetailWords details;

    public DiagnosisStepCell(I18n i18n) {
        this.i18n = i18n;
        this.details = new StepDetailWords(i18n);
    }

    @Override
    protected void updateItem(StepRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll("step-ok", "step-failed", "step-running");
        if (empty || row == null) {
            setText(null);
            return;
        }
        String name = i18n.of("diagnosis.step", row.step());
        if (row.running()) {
            setText(i18n.get("gateway.test.step.running", name));
            getStyleClass().add("step-running");
        } else {
            var r = row.result();
            String outcome = r.ok() ? i18n.get("gateway.test.step.ok") : i18n.of("diagnosis.failure", r.failure());
            setText(i18n.get("gateway.test.step.done", name, outcome, r.millis(), details.of(r)));
            getStyleClass().add(r.ok() ? "step-ok" : "step-failed");
        }
    }
}
