package io.cockpit.smtp.ui.format;

import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.ui.common.FieldDecoration;
import io.cockpit.smtp.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** Binds "Envoyer un exemple" to its {@link SampleSendViewModel}. */
public final class SampleSendController {
    public static final String FXML = "/io/cockpit/smtp/ui/format/SampleSendView.fxml";

    private final SampleSendViewModel vm;
    private final I18n i18n;
    private final FieldDecoration decoration;

    @FXML private TextField sampleRecipientField;
    @FXML private Button sendSampleButton;
    @FXML private Label sampleRecipientMessage, sampleStatus;

    public SampleSendController(SampleSendViewModel vm, I18n i18n, FieldDecoration decoration) {
        this.vm = vm;
        this.i18n = i18n;
        this.decoration = decoration;
    }

    @FXML
    private void initialize() {
        sampleRecipientField.textProperty().bindBidirectional(vm.recipientProperty());
        decoration.bind(sampleRecipientField, sampleRecipientMessage, vm.recipientProblemProperty());
        sendSampleButton.disableProperty().bind(vm.stateProperty().isEqualTo(SampleSendViewModel.State.SENDING));
        sampleStatus.textProperty().bind(Bindings.createStringBinding(this::status, vm.stateProperty(), vm.reportProperty()));
    }

    private String status() {
        DiagnosisReport r = vm.reportProperty().get();
        return switch (vm.stateProperty().get()) {
            case SENDING -> i18n.get("format.sample.sending");
            case SENT -> i18n.get("format.sample.sent", r == null ? "" : r.messageId());
            case FAILED -> r == null || r.failure() == null ? i18n.get("format.sample.error")
                    : i18n.get("format.sample.failed", i18n.of("diagnosis.step", r.failedStep()),
                    i18n.of("diagnosis.failure", r.failure()))
                    + r.hints().stream().map(h -> " " + i18n.of("diagnosis.hint", h)).findFirst().orElse("");
            case NO_PREVIEW -> i18n.get("format.sample.noPreview");
            case GATEWAY_INCOMPLETE -> i18n.get("format.sample.gatewayIncomplete");
            default -> "";
        };
    }

    @FXML private void sendSample() { vm.send(); }
}
