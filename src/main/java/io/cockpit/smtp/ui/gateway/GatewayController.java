package io.cockpit.smtp.ui.gateway;

import static io.cockpit.smtp.core.gateway.GatewayField.*;
import static io.cockpit.smtp.ui.common.I18n.key;

import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.gateway.Preset;
import io.cockpit.smtp.core.gateway.Security;
import io.cockpit.smtp.core.gateway.Transport;
import io.cockpit.smtp.ui.common.FieldDecoration;
import io.cockpit.smtp.ui.common.FormChrome;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.RoleGate;
import io.cockpit.smtp.ui.common.Shown;
import io.cockpit.smtp.ui.common.UnsavedChanges;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.*;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/** Binds the gateway form to its {@link GatewayViewModel}; no rule and no service call lives here. */
public final class GatewayController implements UnsavedChanges {
    private final GatewayViewModel vm;
    private final I18n i18n;
    private final FieldDecoration decoration;
    /** Makes the test panel shown under the form (null: none, as in an engine's embedded form). */
    private final Supplier<Parent> testPanel;
    private final OAuthSection oauth;

    @FXML private ComboBox<GatewayStatus> statusBox;
    @FXML private ComboBox<String> engineBox;
    @FXML private TextField serverField, portField, heloField, usernameField, fromField, replyToField, displayNameField;
    @FXML private TextField connectTimeoutField, readTimeoutField, maxPerMinuteField, maxRecipientsPerDayField, graphUrlField;
    @FXML private ComboBox<Transport> transportBox;
    @FXML private Label transportMessage, graphUrlMessage, maxRecipientsPerDayMessage;
    @FXML private ScrollPane formScroll;
    @FXML private Node oauthBox;
    @FXML private ComboBox<Security> securityBox;
    @FXML private ComboBox<Authentication> authBox;
    @FXML private PasswordField passwordField;
    @FXML private CheckBox clearTextConfirm;
    @FXML private Button removePasswordButton, saveButton, revertButton, reloadButton;
    @FXML private Label statusMessage, engineMessage, serverMessage, portMessage, securityMessage, heloMessage;
    @FXML private Label authMessage, usernameMessage, passwordMessage, fromMessage, replyToMessage, displayNameMessage;
    @FXML private Label connectTimeoutMessage, readTimeoutMessage, maxPerMinuteMessage, noticeLabel;
    @FXML private MenuButton presetButton;
    @FXML private Label title;
    @FXML private HBox preconfiguredBanner, noticeBanner;
    @FXML private Node form;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private VBox testPanelHolder;

    public GatewayController(GatewayViewModel vm, OAuthAuthorizationViewModel authorization, I18n i18n,
                             FieldDecoration decoration, Supplier<Parent> testPanel, RoleGate roles) {
        this.vm = vm;
        this.roles = roles;
        this.i18n = i18n;
        this.decoration = decoration;
        this.testPanel = testPanel;
        this.oauth = new OAuthSection(vm, authorization, i18n, decoration);
    }

    private final RoleGate roles;

    @FXML
    private void initialize() {
        statusBox.getItems().setAll(GatewayStatus.values());
        statusBox.setConverter(i18n.converter("status"));
        statusBox.valueProperty().bindBidirectional(vm.statusProperty());
        engineBox.setItems(vm.engines());
        engineBox.valueProperty().bindBidirectional(vm.engineProperty());
        engineBox.setDisable(vm.engineFixed());
        if (vm.engineFixed()) {
            title.setText(i18n.get("gateway.title.engine", vm.gatewayName()));
        }
        securityBox.getItems().setAll(Security.values());
        securityBox.setConverter(i18n.converter("security"));
        securityBox.valueProperty().bindBidirectional(vm.securityProperty());
        authBox.setItems(vm.authChoices());
        authBox.setConverter(i18n.converter("auth"));
        authBox.valueProperty().bindBidirectional(vm.authProperty());
        decorate(statusBox, statusMessage, STATUS);
        decorate(engineBox, engineMessage, ENGINE);
        decorate(securityBox, securityMessage, SECURITY);
        decorate(authBox, authMessage, AUTH);
        transportBox.getItems().setAll(Transport.values());
        transportBox.setConverter(i18n.converter("transport"));
        transportBox.valueProperty().bindBidirectional(vm.transportProperty());
        decorate(transportBox, transportMessage, TRANSPORT);
        text(graphUrlField, vm.graphUrlProperty(), graphUrlMessage, GRAPH_URL);
        text(maxRecipientsPerDayField, vm.maxRecipientsPerDayProperty(), maxRecipientsPerDayMessage, MAX_RECIPIENTS_PER_DAY);
        // SMTP's own fields say nothing to Graph: they stay as they are, greyed out, for a switch back.
        var graph = vm.transportProperty().isEqualTo(Transport.GRAPH);
        for (Control smtpOnly : new Control[] {serverField, portField, securityBox, heloField}) {
            smtpOnly.disableProperty().bind(graph);
        }
        graphUrlField.disableProperty().bind(graph.not());
        oauth.bind(form);
        vm.shownPartProperty().addListener((o, old, part) -> show(part));
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
        passwordField.promptTextProperty().bind(Bindings.when(vm.passwordStoredProperty())
                .then(i18n.get("gateway.password.stored")).otherwise(i18n.get("gateway.password.none")));
        removePasswordButton.disableProperty().bind(vm.passwordStoredProperty().not());
        usernameField.disableProperty().bind(vm.authProperty().isEqualTo(Authentication.NONE));
        passwordField.disableProperty().bind(vm.authProperty().isNotEqualTo(Authentication.PASSWORD));
        clearTextConfirm.selectedProperty().bindBidirectional(vm.clearTextConfirmedProperty());
        Shown.when(clearTextConfirm, vm.clearTextChoiceProperty());
        for (Preset p : Preset.values()) {
            MenuItem item = new MenuItem(i18n.of("preset", p));
            item.setOnAction(e -> vm.applyPreset(p));
            presetButton.getItems().add(item);
        }
        Shown.when(preconfiguredBanner, vm.preconfiguredProperty());
        FormChrome.of(vm.form(), i18n, key("gateway.notice."))
                .busy(busyIndicator, form)
                .banner(noticeBanner, noticeLabel, reloadButton)
                .buttons(revertButton, saveButton);
        if (testPanel != null) {
            testPanelHolder.getChildren().setAll(testPanel.get());
        }
        // Read-only for whoever may not save a gateway; the test panel under the form stays usable (an operator tests).
        roles.hideUnless(Operation.GATEWAY_SAVE, saveButton, revertButton, presetButton);
        roles.lockUnless(Operation.GATEWAY_SAVE, ((Pane) form).getChildren().filtered(n -> n != testPanelHolder));
        vm.form().loadIfNeeded();
    }

    private void text(TextInputControl field, StringProperty property, Label message, String name) {
        field.textProperty().bindBidirectional(property);
        decorate(field, message, name);
    }

    private void decorate(Control control, Label message, String name) {
        decoration.bind(control, message, vm.form().problems().property(name));
    }

    /** A hint sent the user here: scroll the part into view and put the cursor in it. */
    private void show(FormPart part) {
        if (part == null) {
            return;
        }
        Control target = part == FormPart.GRAPH ? transportBox : (Control) oauthBox.lookup("#providerBox");
        Node content = formScroll.getContent();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = formScroll.getViewportBounds().getHeight();
        double y = content.sceneToLocal(target.localToScene(target.getBoundsInLocal())).getMinY();
        if (contentHeight > viewport) {
            formScroll.setVvalue(Math.max(0, Math.min(1, (y - 24) / (contentHeight - viewport))));
        }
        target.requestFocus();
    }

    @FXML private void removePassword() { vm.removePassword(); }

    /** A read-only form holds nothing to save: leaving asks nothing. */
    @Override public boolean hasUnsavedChanges() {
        return roles.may(Operation.GATEWAY_SAVE) && vm.form().hasUnsavedChanges();
    }
    @Override public void discardChanges() { vm.form().discardChanges(); }
}
