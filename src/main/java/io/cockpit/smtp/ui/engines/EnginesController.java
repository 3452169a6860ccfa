package io.cockpit.smtp.ui.engines;

import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.ui.common.Dialogs;
import io.cockpit.smtp.ui.common.FieldDecoration;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.Polling;
import io.cockpit.smtp.ui.common.RoleGate;
import io.cockpit.smtp.ui.common.Shown;
import io.cockpit.smtp.ui.common.UnsavedChanges;
import io.cockpit.smtp.ui.common.ViewLoader;
import io.cockpit.smtp.ui.gateway.GatewayController;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.*;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Binds the Moteurs screen to its {@link EnginesViewModel}; the selected engine's gateway form (the Passerelle SMTP
 * form itself) and its test panel are made by the screen's factories and put in place here.
 */
public final class EnginesController implements UnsavedChanges {
    private final EnginesViewModel vm;
    private final I18n i18n;
    private final EngineWords words;
    private final FieldDecoration decoration;
    private final Dialogs dialogs;
    private final Function<String, ViewLoader.View<GatewayController>> gatewayForm;
    private final Function<String, Parent> testPanel;
    private GatewayController shownForm;
    private String shownFormFor;
    private boolean reverting;

    @FXML private TableView<EngineRow> table;
    @FXML private TableColumn<EngineRow, String> nameColumn, lastSeenColumn, hostColumn, versionColumn, gatewayColumn;
    @FXML private TableColumn<EngineRow, EngineRow> stateColumn;
    @FXML private TableColumn<EngineRow, Long> queuedColumn, deferredColumn, failedColumn;
    @FXML private TextField newNameField;
    @FXML private Button addButton;
    @FXML private Label newNameMessage, noticeLabel, detailsTitle, processLabel, offlineLabel;
    @FXML private HBox noticeBanner, unreadableBanner, offlineBanner;
    @FXML private VBox details;
    @FXML private RadioButton portalChoice, specificChoice;
    @FXML private Label portalExplain;
    @FXML private StackPane gatewayHolder, testHolder;

    private final RoleGate roles;

    public EnginesController(EnginesViewModel vm, I18n i18n, FieldDecoration decoration, Dialogs dialogs,
                             Function<String, ViewLoader.View<GatewayController>> gatewayForm,
                             Function<String, Parent> testPanel, RoleGate roles) {
        this.vm = vm;
        this.roles = roles;
        this.i18n = i18n;
        this.words = new EngineWords(i18n);
        this.decoration = decoration;
        this.dialogs = dialogs;
        this.gatewayForm = gatewayForm;
        this.testPanel = testPanel;
    }

    @FXML
    private void initialize() {
        EngineColumns.value(nameColumn, EngineRow::name);
        EngineColumns.state(stateColumn, words);
        EngineColumns.value(lastSeenColumn, r -> words.ago(r.sinceSeen(), r.lastSeen()));
        EngineColumns.value(hostColumn, r -> r.host() == null ? "" : r.host());
        EngineColumns.value(versionColumn, r -> r.version() == null ? "" : r.version());
        EngineColumns.value(gatewayColumn, words::gateway);
        EngineColumns.value(queuedColumn, EngineRow::queued);
        EngineColumns.value(deferredColumn, EngineRow::deferred);
        EngineColumns.value(failedColumn, EngineRow::failed);
        table.setItems(vm.rows());
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> choose(old, now));
        vm.rows().addListener((ListChangeListener<EngineRow>) c -> selectInTable());
        vm.selectedNameProperty().addListener((o, old, now) -> {
            selectInTable();
            showPanels();
        });

        newNameField.textProperty().bindBidirectional(vm.newNameProperty());
        decoration.bind(newNameField, newNameMessage, vm.newNameProblemProperty());
        addButton.disableProperty().bind(vm.canAddProperty().not());
        Shown.when(unreadableBanner, vm.unreadableProperty());
        Shown.when(noticeBanner, vm.noticeProperty().isNotEqualTo(EnginesViewModel.Notice.NONE));
        noticeLabel.textProperty().bind(Bindings.createStringBinding(() -> i18n.of("engines.notice", vm.noticeProperty().get()),
                vm.noticeProperty()));
        vm.noticeProperty().addListener((o, old, now) -> styleNotice(now));

        Shown.when(details, vm.selectedProperty().isNotNull());
        detailsTitle.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : i18n.get("engines.details.title", vm.selectedProperty().get().name()), vm.selectedProperty()));
        processLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : words.process(vm.selectedProperty().get()), vm.selectedProperty()));
        Shown.when(offlineBanner, Bindings.createBooleanBinding(() -> vm.selectedProperty().get() != null
                && !vm.selectedProperty().get().online(), vm.selectedProperty()));
        offlineLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : words.offline(vm.selectedProperty().get()), vm.selectedProperty()));

        ToggleGroup gateway = new ToggleGroup();
        portalChoice.setToggleGroup(gateway);
        specificChoice.setToggleGroup(gateway);
        portalChoice.setOnAction(e -> chooseGateway(false));
        specificChoice.setOnAction(e -> chooseGateway(true));
        // Adding an engine and choosing its gateway are an administrator's; the row of the add form goes altogether.
        roles.hideUnless(Operation.ENGINE_CHANGE, addButton.getParent(), addButton, newNameField);
        roles.lockUnless(Operation.ENGINE_CHANGE, List.of(portalChoice, specificChoice));
        vm.specificGatewayProperty().addListener((o, old, now) -> showPanels());
        Shown.when(portalExplain, vm.specificGatewayProperty().not());

        Polling.whileShowing(table, Duration.seconds(EnginesViewModel.REFRESH_EVERY.toSeconds()), vm::refresh);
        vm.refresh();
        selectInTable();
        showPanels();
    }

    /** The user picked a row: an engine's form with unsaved edits is left only if the user lets them go. */
    private void choose(EngineRow old, EngineRow now) {
        if (reverting || now == null || now.name().equals(vm.selectedNameProperty().get())) {
            return;
        }
        if (!mayLeaveForm()) {
            reverting = true;
            table.getSelectionModel().select(old);
            reverting = false;
            return;
        }
        vm.select(now.name());
    }

    private void chooseGateway(boolean specific) {
        if (!specific && !mayLeaveForm()) {
            specificChoice.setSelected(true);
            return;
        }
        vm.useSpecificGateway(specific);
    }

    /** After each reading the table holds new rows: the selected engine stays selected. */
    private void selectInTable() {
        String name = vm.selectedNameProperty().get();
        EngineRow in = table.getSelectionModel().getSelectedItem();
        if (name == null || (in != null && in.name().equals(name))) {
            return;
        }
        vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().ifPresent(r -> {
            reverting = true;
            table.getSelectionModel().select(r);
            reverting = false;
        });
    }

    /** The gateway choice, the engine's own form when it has one, and its test panel, for the selected engine. */
    private void showPanels() {
        String name = vm.selectedNameProperty().get();
        boolean specific = vm.specificGatewayProperty().get();
        (specific ? specificChoice : portalChoice).setSelected(true);
        if (name == null || !specific) {
            gatewayHolder.getChildren().clear();
            shownForm = null;
            shownFormFor = null;
        } else if (!name.equals(shownFormFor)) {
            ViewLoader.View<GatewayController> form = gatewayForm.apply(name);
            gatewayHolder.getChildren().setAll(form.root());
            shownForm = form.controller();
            shownFormFor = name;
        }
        if (name != null && !name.equals(testHolder.getUserData())) {
            testHolder.getChildren().setAll(testPanel.apply(name));
            testHolder.setUserData(name);
        }
    }

    private boolean mayLeaveForm() {
        if (shownForm == null || !shownForm.hasUnsavedChanges()) {
            return true;
        }
        if (!dialogs.confirmDiscard(table.getScene().getWindow())) {
            return false;
        }
        shownForm.discardChanges();
        return true;
    }

    /** A failure reads as one: the same banner, in the error colours. */
    private void styleNotice(EnginesViewModel.Notice notice) {
        noticeBanner.getStyleClass().removeAll("banner-info", "banner-error");
        noticeBanner.getStyleClass().add(notice == EnginesViewModel.Notice.FAILED ? "banner-error" : "banner-info");
    }

    @FXML private void add() { vm.add(); }

    @Override public boolean hasUnsavedChanges() { return shownForm != null && shownForm.hasUnsavedChanges(); }
    @Override public void discardChanges() { if (shownForm != null) shownForm.discardChanges(); }
}
