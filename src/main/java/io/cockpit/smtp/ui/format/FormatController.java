package io.cockpit.smtp.ui.format;

import static io.cockpit.smtp.ui.common.I18n.key;

import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.format.FormatField;
import io.cockpit.smtp.ui.common.FieldDecoration;
import io.cockpit.smtp.ui.common.FieldProblems;
import io.cockpit.smtp.ui.common.FormChrome;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.RoleGate;
import io.cockpit.smtp.ui.common.UnsavedChanges;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** Binds the Format des emails screen to its {@link FormatViewModel}; no rule and no service call lives here. */
public final class FormatController implements UnsavedChanges {
    private final FormatViewModel vm;
    private final I18n i18n;
    private final FieldDecoration decoration;
    /** Makes a language's tab content. */
    private final Function<TemplateTabViewModel, Parent> tabViews;

    @FXML private TextField userUrlField, operatorUrlField;
    @FXML private Label userUrlMessage, operatorUrlMessage, languagesMessage, defaultLanguageMessage, noticeLabel;
    @FXML private ListView<String> languagesList;
    @FXML private ComboBox<String> addLanguageBox, defaultLanguageBox;
    @FXML private Button addLanguageButton, removeLanguageButton, saveButton, revertButton, reloadButton;
    @FXML private TabPane languageTabs;
    @FXML private HBox noticeBanner;
    @FXML private Node form;
    @FXML private ProgressIndicator busyIndicator;

    private final RoleGate roles;

    public FormatController(FormatViewModel vm, I18n i18n, FieldDecoration decoration,
                            Function<TemplateTabViewModel, Parent> tabViews, RoleGate roles) {
        this.vm = vm;
        this.roles = roles;
        this.i18n = i18n;
        this.decoration = decoration;
        this.tabViews = tabViews;
    }

    @FXML
    private void initialize() {
        FieldProblems problems = vm.form().problems();
        userUrlField.textProperty().bindBidirectional(vm.userUrlProperty());
        operatorUrlField.textProperty().bindBidirectional(vm.operatorUrlProperty());
        decoration.bind(userUrlField, userUrlMessage, problems.property(FormatField.USER_URL));
        decoration.bind(operatorUrlField, operatorUrlMessage, problems.property(FormatField.OPERATOR_URL));

        languagesList.setItems(vm.languages());
        languagesList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String lang, boolean empty) {
                super.updateItem(lang, empty);
                setText(empty || lang == null ? null : LanguageNames.label(lang, i18n)
                        + (lang.equals(vm.defaultLanguageProperty().get()) ? " " + i18n.get("format.tab.default") : ""));
            }
        });
        vm.defaultLanguageProperty().addListener((o, old, now) -> languagesList.refresh());
        decoration.bind(languagesList, languagesMessage, problems.property(FormatField.LANGUAGES));
        addLanguageBox.setItems(vm.addableLanguages());
        addLanguageBox.setConverter(LanguageNames.converter(i18n));
        addLanguageButton.disableProperty().bind(addLanguageBox.valueProperty().isNull());
        removeLanguageButton.disableProperty().bind(languagesList.getSelectionModel().selectedItemProperty().isNull());
        defaultLanguageBox.setItems(vm.languages());
        defaultLanguageBox.setConverter(LanguageNames.converter(i18n));
        defaultLanguageBox.valueProperty().bindBidirectional(vm.defaultLanguageProperty());
        decoration.bind(defaultLanguageBox, defaultLanguageMessage, problems.property(FormatField.DEFAULT_LANGUAGE));

        LanguageTabs.bind(languageTabs, vm, i18n, tabViews);

        FormChrome.of(vm.form(), i18n, key("format.notice."))
                .busy(busyIndicator, form)
                .banner(noticeBanner, noticeLabel, reloadButton)
                .buttons(revertButton, saveButton);
        // Whoever may not save still edits the templates, to try them on the preview: only the settings are locked.
        roles.hideUnless(Operation.FORMAT_SAVE, saveButton, revertButton);
        roles.lockUnless(Operation.FORMAT_SAVE, List.of(userUrlField, operatorUrlField, languagesList, addLanguageBox,
                addLanguageButton, removeLanguageButton, defaultLanguageBox));
        vm.form().loadIfNeeded();
    }

    @FXML
    private void addLanguage() {
        String lang = addLanguageBox.getValue();
        addLanguageBox.setValue(null);
        vm.addLanguage(lang);
    }

    @FXML
    private void removeLanguage() {
        String lang = languagesList.getSelectionModel().getSelectedItem();
        if (lang != null && !Objects.equals(lang, "")) {
            vm.removeLanguage(lang);
        }
    }

    /** A template tried by someone who may not save was never meant to be kept: leaving asks nothing. */
    @Override public boolean hasUnsavedChanges() {
        return roles.may(Operation.FORMAT_SAVE) && vm.form().hasUnsavedChanges();
    }
    @Override public void discardChanges() { vm.form().discardChanges(); }
}
