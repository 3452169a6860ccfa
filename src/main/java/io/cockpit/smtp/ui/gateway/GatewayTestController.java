package io.cockpit.smtp.ui.gateway;

import io.cockpit.smtp.core.mail.diagnosis.CertificateInfo;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.mail.diagnosis.Hint;
import io.cockpit.smtp.ui.common.FieldDecoration;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.Shown;
import io.cockpit.smtp.ui.gateway.GatewayTestViewModel.State;
import io.cockpit.smtp.ui.gateway.GatewayTestViewModel.StepRow;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/** Binds the gateway test panel to its {@link GatewayTestViewModel}; the words come from the bundle. */
public final class GatewayTestController {
    private final GatewayTestViewModel vm;
    private final I18n i18n;
    private final FieldDecoration decoration;

    @FXML private TextField recipientField;
    @FXML private Label recipientMessage, resultLabel, certSubject, certIssuer, certValidity, certFingerprint, pinnedLabel;
    @FXML private Button checkButton, sendButton, cancelButton, trustButton, copyTranscriptButton;
    @FXML private ProgressIndicator testBusy;
    @FXML private ListView<StepRow> stepList;
    @FXML private VBox hintBox, certificateBox, resultBox;
    @FXML private TextArea transcriptArea;

    public GatewayTestController(GatewayTestViewModel vm, I18n i18n, FieldDecoration decoration) {
        this.vm = vm;
        this.i18n = i18n;
        this.decoration = decoration;
    }

    @FXML
    private void initialize() {
        recipientField.textProperty().bindBidirectional(vm.recipientProperty());
        decoration.bind(recipientField, recipientMessage, vm.recipientProblemProperty());
        checkButton.disableProperty().bind(vm.canRunProperty().not());
        sendButton.disableProperty().bind(vm.canRunProperty().not());
        Shown.when(cancelButton, vm.runningProperty());
        Shown.when(testBusy, vm.runningProperty());
        stepList.setItems(vm.steps());
        stepList.setCellFactory(list -> new DiagnosisStepCell(i18n));
        Shown.when(stepList, Bindings.isNotEmpty(vm.steps()));
        resultLabel.textProperty().bind(Bindings.createStringBinding(this::resultText, vm.stateProperty(), vm.reportProperty()));
        vm.stateProperty().addListener((o, old, now) -> styleResult(now));
        styleResult(vm.stateProperty().get());
        Shown.when(resultBox, vm.stateProperty().isNotEqualTo(State.IDLE).and(vm.stateProperty().isNotEqualTo(State.RUNNING)));
        vm.hints().addListener((ListChangeListener<Hint>) c -> showHints());
        showHints();
        vm.untrustedProperty().addListener((o, old, now) -> showCertificate(now));
        showCertificate(vm.untrustedProperty().get());
        Shown.when(certificateBox, vm.untrustedProperty().isNotNull());
        trustButton.disableProperty().bind(vm.certificatePinnedProperty());
        Shown.when(pinnedLabel, vm.certificatePinnedProperty());
        transcriptArea.textProperty().bind(vm.transcriptProperty());
        Shown.when(transcriptArea, vm.transcriptProperty().isNotEmpty());
        Shown.when(copyTranscriptButton, vm.transcriptProperty().isNotEmpty());
        vm.recallRecipient();
    }

    private String resultText() {
        DiagnosisReport r = vm.reportProperty().get();
        return switch (vm.stateProperty().get()) {
            case PASSED -> r != null && r.messageId() != null
                    ? i18n.get("gateway.test.result.sent", r.messageId()) : i18n.get("gateway.test.result.passed");
            case FAILED -> r == null ? i18n.get("gateway.test.result.error")
                    : i18n.get("gateway.test.result.failed", i18n.of("diagnosis.step", r.failedStep()),
                    i18n.of("diagnosis.failure", r.failure()), r.lastReply() == null ? "" : " (" + r.lastReply() + ")");
            case CANCELLED -> i18n.get("gateway.test.result.cancelled");
            case INVALID -> i18n.get("gateway.test.result.invalid");
            default -> "";
        };
    }

    private void styleResult(State s) {
        resultLabel.getStyleClass().removeAll("test-passed", "test-failed");
        resultLabel.getStyleClass().add(s == State.PASSED ? "test-passed" : "test-failed");
    }

    private void showHints() {
        hintBox.getChildren().setAll(vm.hints().stream().<javafx.scene.Node>map(h -> {
            Label l = new Label(i18n.of("diagnosis.hint", h));
            l.setWrapText(true);
            l.getStyleClass().add("test-hint");
            FormPart part = GatewayTestViewModel.partFor(h);
            if (part == null) {
                return l;
            }
            // The hint says what to switch to; its button does it and opens that part of the form.
            Button go = new Button(i18n.of("gateway.test.hint.go", part));
            go.setId("hint-" + part.name().toLowerCase(java.util.Locale.ROOT));
            go.setOnAction(e -> vm.follow(h));
            VBox box = new VBox(l, go);
            box.getStyleClass().add("test-hint-box");
            return box;
        }).toList());
    }

    private void showCertificate(CertificateInfo c) {
        certSubject.setText(c == null ? "" : i18n.get("gateway.test.cert.subject", c.subject()));
        certIssuer.setText(c == null ? "" : i18n.get("gateway.test.cert.issuer", c.issuer()));
        certValidity.setText(c == null ? "" : i18n.get("gateway.test.cert.validity", i18n.dateTime(c.notBefore()),
                i18n.dateTime(c.notAfter())));
        certFingerprint.setText(c == null ? "" : i18n.get("gateway.test.cert.fingerprint", c.fingerprint()));
    }

    @FXML private void check() { vm.check(); }
    @FXML private void sendTest() { vm.sendTest(); }
    @FXML private void cancel() { vm.cancel(); }
    @FXML private void trustCertificate() { vm.trustCertificate(); }

    @FXML
    private void copyTranscript() {
        ClipboardContent content = new ClipboardContent();
        content.putString(vm.transcriptProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
