package io.cockpit.smtp.ui.transfer;

import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.RoleGate;
import io.cockpit.smtp.ui.common.Shown;
import java.io.File;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import javafx.stage.FileChooser;

/** Administration > Export / import: binds the paths, the preview and the buttons to {@link TransferViewModel}. */
public final class TransferController {
    private final TransferViewModel vm;
    private final I18n i18n;
    private final RoleGate roles;

    @FXML private TextField exportPathField, importPathField;
    @FXML private Button exportButton, previewButton, applyButton;
    @FXML private CheckBox keepSecretsBox;
    @FXML private Label noticeLabel, dropLabel;
    @FXML private Pane importBox;
    @FXML private TableView<HistoryEntry> changesTable;
    @FXML private TableColumn<HistoryEntry, String> sectionColumn, fieldColumn, oldColumn, newColumn;
    @FXML private ListView<FieldProblem> problemsList;

    public TransferController(TransferViewModel vm, I18n i18n, RoleGate roles) {
        this.vm = vm;
        this.i18n = i18n;
        this.roles = roles;
    }

    @FXML
    private void initialize() {
        exportPathField.textProperty().bindBidirectional(vm.exportPathProperty());
        importPathField.textProperty().bindBidirectional(vm.importPathProperty());
        keepSecretsBox.selectedProperty().bindBidirectional(vm.keepSecretsProperty());
        exportButton.disableProperty().bind(vm.busyProperty().or(vm.exportPathProperty().isEmpty()));
        previewButton.disableProperty().bind(vm.busyProperty().or(vm.importPathProperty().isEmpty()));
        applyButton.disableProperty().bind(vm.canApply().not());
        sectionColumn.setCellValueFactory(c -> text(c.getValue().section()));
        fieldColumn.setCellValueFactory(c -> text(c.getValue().field()));
        oldColumn.setCellValueFactory(c -> text(c.getValue().oldValue() == null ? "—" : c.getValue().oldValue()));
        newColumn.setCellValueFactory(c -> text(c.getValue().newValue() == null ? "—" : c.getValue().newValue()));
        changesTable.setItems(vm.changes());
        dropLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.droppedSecrets().isEmpty() ? ""
                : i18n.get("transfer.import.drops", String.join(", ", vm.droppedSecrets()),
                        String.join(", ", vm.dropCauses())), vm.droppedSecrets(), vm.dropCauses()));
        Shown.when(dropLabel, Bindings.isNotEmpty(vm.droppedSecrets()));
        problemsList.setItems(vm.problems());
        problemsList.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(FieldProblem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.field() + " : " + i18n.of("problem", p.problem()));
            }
        });
        Shown.when(problemsList, Bindings.isNotEmpty(vm.problems()));
        noticeLabel.textProperty().bind(Bindings.createStringBinding(() -> i18n.of("transfer.notice",
                vm.noticeProperty().get(), vm.changes().size()), vm.noticeProperty(), vm.changes()));
        // Everyone may export and preview (they read); applying is an administrator's.
        roles.hideUnless(Operation.CONFIG_IMPORT, applyButton, keepSecretsBox);
    }

    @FXML private void export() { vm.export(); }
    @FXML private void preview() { vm.preview(); }
    @FXML private void apply() { vm.apply(); }

    @FXML
    private void chooseExport() {
        FileChooser chooser = chooser();
        File f = chooser.showSaveDialog(exportPathField.getScene().getWindow());
        if (f != null) {
            vm.exportPathProperty().set(f.getPath());
        }
    }

    @FXML
    private void chooseImport() {
        File f = chooser().showOpenDialog(importPathField.getScene().getWindow());
        if (f != null) {
            vm.importPathProperty().set(f.getPath());
        }
    }

    private FileChooser chooser() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        return chooser;
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s);
    }
}
