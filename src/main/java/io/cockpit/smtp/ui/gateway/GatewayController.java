package io.cockpit.smtp.ui.gateway;

import static io.cockpit.smtp.core.gateway.GatewayField.*;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.Preset;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.ui.common.FieldDecoration;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.UnsavedChanges;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.*;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;

/** Binds the gateway form to its {@link GatewayViewModel}; no rule and no service call lives here. */
public final class GatewayController implements UnsavedChanges {
    private static final KeyCombination SAVE = KeyCombination.keyCombination("Shortcut+S");
    private static final PseudoClass SAVED = PseudoClass.getPseudoClass("saved");

    private final GatewayViewModel vm;
    private final I18n i18n;
    private final FieldDecoration decoration;
    private final Runnable saveShortcut;
    /** The test panel shown under the form (null: none, as in an engine's embedded form). */
    private final java.util.function.Supplier<javafx.scene.Parent> testPanel;

    @FXML private ComboBox<GatewayStatus> statusBox;
    @FXML private ComboBox<String> engineBox;
    @FXML private TextField serverField, portField, heloField, usernameField, fromField, replyToField, displayNameField;
    @FXML private TextField connectTimeoutField, readTimeoutField, maxPerMinuteField;
    @FXML private ComboBox<Security> securityBox;
    @FXML private ComboBox<Authentication> authBox;
    @FXML private PasswordField passwordField;
    @FXML private Button removePasswordButton, saveButton, revertButton, reloadButton;
    @FXML private Label statusMessage, engineMessage, serverMessage, portMessage, securityMessage, heloMessage;
    @FXML private Label authMessage, usernameMessage, passwordMessage, fromMessage, replyToMessage, displayNameMessage;
    @FXML private Label connectTimeoutMessage, readTimeoutMessage, maxPerMinuteMessage, noticeLabel;
    @FXML private MenuButton presetButton;
    @FXML private HBox preconfiguredBanner, noticeBanner;
    @FXML private Node form;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private javafx.scene.layout.VBox testPanelHolder;

    public GatewayController(GatewayViewModel vm, I18n i18n, FieldDecoration decoration) {
        this(vm, i18n, decoration, null);
    }

    public GatewayController(GatewayViewModel vm, I18n i18n, FieldDecoration decoration,
                             java.util.function.Supplier<javafx.scene.Parent> testPanel) {
        this.vm = vm;
        this.i18n = i18n;
        this.decoration = decoration;
        this.saveShortcut = vm::save;
        this.testPanel = testPanel;
    }

    @FXML
    private void initialize() {
        statusBox.getItems().setAll(GatewayStatus.values());
        statusBox.setConverter(i18n.converter("status"));
        statusBox.valueProperty().bindBidirectional(vm.statusProperty());
        engineBox.setItems(vm.engines());
        engineBox.valueProperty().bindBidirectional(vm.engineProperty());
        securityBox.getItems().setAll(Security.values());
        securityBox.setConverter(i18n.converter("security"));
        securityBox.valueProperty().bindBidirectional(vm.securityProperty());
        authBox.setItems(vm.authChoices());
        authBox.setConverter(i18n.converter("auth"));
        authBox.valueProperty().bindBidirectional(vm.authProperty());
        text(serverField, vm.serverProperty(), serverMessage, SERVER);
        text(portField, vm.portProperty(), portMessage, PORT);
        text(heloField, vm.heloProperty(), heloMessage, HELO);
        text(usernameField, vm.usernameProperty(), usernameMessage, USERNAME);
        text(passwordField, vm.newPasswordProperty(), passwordMessage, PASSWORD);
        text(fromField, vm.fromProperty(), fromMessage, FROM);
        text(replyToField, vm.replyToProperty(), replyToMessage, REPLY_TO);
        text(displayNameField, vm.displayNameProperty(), displayNameMessage, DISPLAY_NAME);
        text(connectTimeoutField, vm.connectTimeoutProperty(), connectTimeoutMessage, CONNECT_TIMEOUT);
        text(readTimeoutField, vm.readTimeoutProperty(), readTimeoutMessage, READ_TIMEOUT);
        text(maxPerMinuteField, vm.maxPerMinuteProperty(), maxPerMinuteMessage, MAX_PER_MINUTE);
        decoration.bind(statusBox, statusMessage, vm.problemProperty(STATUS));
        decoration.bind(engineBox, engineMessage, vm.problemProperty(ENGINE));
        decoration.bind(securityBox, securityMessage, vm.problemProperty(SECURITY));
        decoration.bind(authBox, authMessage, vm.problemProperty(AUTH));
        passwordField.promptTextProperty().bind(Bindings.when(vm.passwordStoredProperty())
                .then(i18n.get("gateway.password.stored")).otherwise(i18n.get("gateway.password.none")));
        removePasswordButton.disableProperty().bind(vm.passwordStoredProperty().not());
        for (Preset p : Preset.values()) {
            MenuItem item = new MenuItem(i18n.of("preset", p));
            item.setOnAction(e -> vm.applyPreset(p));
            presetButton.getItems().add(item);
        }
        shown(preconfiguredBanner, vm.preconfiguredProperty());
        shown(noticeBanner, vm.noticeProperty().isNotNull());
        noticeLabel.textProperty().bind(Bindings.createStringBinding(() -> i18n.of("gateway.notice", vm.noticeProperty().get()),
                vm.noticeProperty()));
        noticeBanner.pseudoClassStateChanged(SAVED, vm.noticeProperty().get() == GatewayViewModel.Notice.SAVED);
        vm.noticeProperty().addListener((o, old, now) -> noticeBanner.pseudoClassStateChanged(SAVED, now == GatewayViewModel.Notice.SAVED));
        usernameField.disableProperty().bind(vm.authProperty().isEqualTo(Authentication.NONE));
        passwordField.disableProperty().bind(vm.authProperty().isEqualTo(Authentication.NONE));
        shown(reloadButton, vm.noticeProperty().isEqualTo(GatewayViewModel.Notice.CONFLICT));
        saveButton.disableProperty().bind(vm.canSaveProperty().not());
        revertButton.disableProperty().bind(vm.dirtyProperty().not().or(vm.busyProperty()));
        form.disableProperty().bind(vm.busyProperty().or(vm.loadedProperty().not()));
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        saveButton.sceneProperty().addListener((o, old, now) -> {
            if (old != null) old.getAccelerators().remove(SAVE, saveShortcut);
            if (now != null) now.getAccelerators().put(SAVE, saveShortcut);
        });
        if (testPanel != null) {
            testPanelHolder.getChildren().setAll(testPanel.get());
        }
        vm.loadIfNeeded();
    }

    private void text(TextInputControl field, javafx.beans.property.StringProperty property, Label message, String name) {
        field.textProperty().bindBidirectional(property);
        decoration.bind(field, message, vm.problemProperty(name));
    }

    private static void shown(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML private void save() { vm.save(); }
    @FXML private void revert() { vm.revert(); }
    @FXML private void reload() { vm.load(); }
    @FXML private void removePassword() { vm.removePassword(); }

    @Override
    public boolean hasUnsavedChanges() {
        return vm.dirtyProperty().get();
    }

    @Override
    public void discardChanges() {
        vm.revert();
    }
}
