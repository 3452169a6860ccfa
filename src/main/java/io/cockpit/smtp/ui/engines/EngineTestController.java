package io.cockpit.smtp.ui.engines;

import io.cockpit.smtp.core.mail.diagnosis.Hint;
import io.cockpit.smtp.ui.common.FieldDecoration;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.Shown;
import io.cockpit.smtp.ui.engines.EngineTestViewModel.State;
import io.cockpit.smtp.ui.gateway.DiagnosisStepCell;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Binds "Tester depuis le moteur" to its {@link EngineTestViewModel}: the same steps and transcript as the gateway's test. */
public final class EngineTestController {
    private final EngineTestViewModel vm;
    private final I18n i18n;
    private final EngineWords words;
    private final FieldDecoration decoration;

    @FXML private HBox offlineNote;
    @FXML private Label offlineLabel, engineRecipientMessage, progressLabel, engineResultLabel;
    @FXML private Button engineCheckButton, engineSendButton, engineCancelButton;
    @FXML private TextField engineRecipientField;
    @FXML private ProgressIndicator engineTestBusy;
    @FXML private ListView<io.cockpit.smtp.ui.gateway.GatewayTestViewModel.StepRow> engineStepList;
    @FXML private VBox engineResultBox, engineHintBox;
    @FXML private TextArea engineTranscriptArea;

    public EngineTestController(EngineTestViewModel vm, I18n i18n, FieldDecoration decoration) {
        this.vm = vm;
        this.i18n = i18n;
        this.words = new EngineWords(i18n);
        this.decoration = decoration;
    }

    @FXML
    private void initialize() {
        engineRecipientField.textProperty().bindBidirectional(vm.recipientProperty());
        decoration.bind(engineRecipientField, engineRecipientMessage, vm.recipientProblemProperty());
        // An offline engine may still be asked (it may be starting): the note says how long the console will wait.
        Shown.when(offlineNote, vm.offlineProperty().and(vm.runningProperty().not()));
        offlineLabel.setText(words.testOffline());
        engineCheckButton.disableProperty().bind(vm.runningProperty());
        engineSendButton.disableProperty().bind(vm.runningProperty());
        Shown.when(engineCancelButton, vm.runningProperty());
        Shown.when(engineTestBusy, vm.runningProperty());
        progressLabel.textProperty().bind(Bindings.createStringBinding(() -> words.testProgress(vm),
                vm.stateProperty(), vm.hostProperty()));
        Shown.when(progressLabel, vm.runningProperty());
        engineStepList.setItems(vm.steps());
        engineStepList.setCellFactory(list -> new DiagnosisStepCell(i18n));
        Shown.when(engineStepList, Bindings.isNotEmpty(vm.steps()));
        engineResultLabel.textProperty().bind(Bindings.createStringBinding(() -> words.testResult(vm),
                vm.stateProperty(), vm.resultProperty(), vm.invalidProperty()));
        vm.stateProperty().addListener((o, old, now) -> styleResult(now));
        styleResult(vm.stateProperty().get());
        Shown.when(engineResultBox, vm.stateProperty().isNotEqualTo(State.IDLE).and(vm.runningProperty().not()));
        vm.hints().addListener((ListChangeListener<Hint>) c -> showHints());
        showHints();
        engineTranscriptArea.textProperty().bind(vm.transcriptProperty());
        Shown.when(engineTranscriptArea, vm.transcriptProperty().isNotEmpty());
    }

    private void styleResult(State s) {
        engineResultLabel.getStyleClass().removeAll("test-passed", "test-failed");
        engineResultLabel.getStyleClass().add(s == State.PASSED ? "test-passed" : "test-failed");
    }

    private void showHints() {
        engineHintBox.getChildren().setAll(vm.hints().stream().map(h -> {
            Label l = new Label(i18n.of("diagnosis.hint", h));
            l.setWrapText(true);
            l.getStyleClass().add("test-hint");
            return l;
        }).toList());
    }

    @FXML private void check() { vm.check(); }
    @FXML private void sendTest() { vm.sendTest(); }
    @FXML private void cancel() { vm.cancel(); }
}
