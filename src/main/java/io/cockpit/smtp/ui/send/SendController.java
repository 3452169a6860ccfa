package io.cockpit.smtp.ui.send;

import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.ui.common.FieldDecoration;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.RoleGate;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Binds the Envoi manuel screen to its {@link SendViewModel}. */
public final class SendController {
    private final SendViewModel vm;
    private final I18n i18n;
    private final FieldDecoration decoration;

    @FXML private ComboBox<Flow> flowBox;
    @FXML private TextField toField, langField, subjectField;
    @FXML private TextArea bodyArea;
    @FXML private Label flowMessage, toMessage, langMessage, subjectMessage, bodyMessage, failedLabel;
    @FXML private Button sendButton;
    @FXML private ListView<SendViewModel.Sent> sentList;

    private final RoleGate roles;

    public SendController(SendViewModel vm, I18n i18n, FieldDecoration decoration, RoleGate roles) {
        this.vm = vm;
        this.roles = roles;
        this.i18n = i18n;
        this.decoration = decoration;
    }

    @FXML
    private void initialize() {
        flowBox.getItems().setAll(SendViewModel.MANUAL_FLOWS);
        flowBox.setConverter(i18n.converter("outbox.flow"));
        flowBox.valueProperty().bindBidirectional(vm.flowProperty());
        decoration.bind(flowBox, flowMessage, vm.problemProperty("flow"));
        toField.textProperty().bindBidirectional(vm.toProperty());
        decoration.bind(toField, toMessage, vm.problemProperty("to"));
        langField.textProperty().bindBidirectional(vm.langProperty());
        decoration.bind(langField, langMessage, vm.problemProperty("lang"));
        subjectField.textProperty().bindBidirectional(vm.subjectProperty());
        decoration.bind(subjectField, subjectMessage, vm.problemProperty("subject"));
        bodyArea.textProperty().bindBidirectional(vm.bodyProperty());
        decoration.bind(bodyArea, bodyMessage, vm.problemProperty("body"));
        sendButton.disableProperty().bind(vm.busyProperty());
        failedLabel.visibleProperty().bind(vm.failedProperty());
        failedLabel.managedProperty().bind(vm.failedProperty());
        roles.hideUnless(Operation.SEND, sendButton);
        roles.lockUnless(Operation.SEND, List.of(flowBox, toField, langField, subjectField, bodyArea));
        sentList.setItems(vm.sent());
        sentList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SendViewModel.Sent s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("sent-ok", "sent-failed");
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                setText(i18n.get("send.row", String.valueOf(s.id()), i18n.of("outbox.flow", s.flow()),
                        String.join(", ", s.to()), i18n.of("outbox.status", s.status()),
                        s.lastError() == null ? "" : " – " + s.lastError()));
                switch (s.status()) {
                    case SENT -> getStyleClass().add("sent-ok");
                    case FAILED -> getStyleClass().add("sent-failed");
                    default -> { }
                }
            }
        });
    }

    @FXML private void send() { vm.send(); }
}
