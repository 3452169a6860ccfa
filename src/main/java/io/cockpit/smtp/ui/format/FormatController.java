package io.cockpit.smtp.ui.format;

import io.cockpit.smtp.core.format.FormatField;
import io.cockpit.smtp.ui.common.FieldDecoration;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.UnsavedChanges;
import io.cockpit.smtp.ui.common.ViewLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** Binds the Format des emails screen to its {@link FormatViewModel}; no rule and no service call lives here. */
public final class FormatController implements UnsavedChanges {
    private static final KeyCombination SAVE = KeyCombination.keyCombination("Shortcut+S");
    private static final PseudoClass SAVED = PseudoClass.getPseudoClass("saved");

    private final FormatViewModel vm;
    private final I18n i18n;
    private final FieldDecoration decoration;
    private final ViewLoader loader;
    /** Builds a tab's "Envoyer un exemple" panel (null: none). */
    private java.util.function.Function<TemplateTabViewModel, javafx.scene.Parent> samplePanels;
    private final Runnable saveShortcut;
    /** Kept by view model so a tab (and its editor's undo history) survives other tabs being added or removed. */
    private final Map<TemplateTabViewModel, Tab> tabs = new HashMap<>();

    @FXML private TextField userUrlField, operatorUrlField;
    @FXML private Label userUrlMessage, operatorUrlMessage, languagesMessage, defaultLanguageMessage, noticeLabel;
    @FXML private ListView<String> languagesList;
    @FXML private ComboBox<String> addLanguageBox, defaultLanguageBox;
    @FXML private Button addLanguageButton, removeLanguageButton, saveButton, revertButton, reloadButton;
    @FXML private TabPane languageTabs;
    @FXML private HBox noticeBanner;
    @FXML private Node form;
    @FXML private ProgressIndicator busyIndicator;

    public FormatController(FormatViewModel vm, I18n i18n, FieldDecoration decoration, ViewLoader loader,
                            java.util.function.Function<TemplateTabViewModel, javafx.scene.Parent> samplePanels) {
        this(vm, i18n, decoration, loader);
        this.samplePanels = samplePanels;
    }

    public FormatController(FormatViewModel vm, I18n i18n, FieldDecoration decoration, ViewLoader loader) {
        this.vm = vm;
        this.i18n = i18n;
        this.decoration = decoration;
        this.loader = loader;
        this.saveShortcut = vm::save;
    }

    @FXML
    private void initialize() {
        userUrlField.textProperty().bindBidirectional(vm.userUrlProperty());
        operatorUrlField.textProperty().bindBidirectional(vm.operatorUrlProperty());
        decoration.bind(userUrlField, userUrlMessage, vm.problemProperty(FormatField.USER_URL));
        decoration.bind(operatorUrlField, operatorUrlMessage, vm.problemProperty(FormatField.OPERATOR_URL));

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
        decoration.bind(languagesList, languagesMessage, vm.problemProperty(FormatField.LANGUAGES));
        addLanguageBox.setItems(vm.addableLanguages());
        addLanguageBox.setConverter(names());
        addLanguageButton.disableProperty().bind(addLanguageBox.valueProperty().isNull());
        removeLanguageButton.disableProperty().bind(languagesList.getSelectionModel().selectedItemProperty().isNull());
        defaultLanguageBox.setItems(vm.languages());
        defaultLanguageBox.setConverter(names());
        defaultLanguageBox.valueProperty().bindBidirectional(vm.defaultLanguageProperty());
        decoration.bind(defaultLanguageBox, defaultLanguageMessage, vm.problemProperty(FormatField.DEFAULT_LANGUAGE));

        vm.tabs().addListener((ListChangeListener<TemplateTabViewModel>) c -> syncTabs());
        syncTabs();

        shown(noticeBanner, vm.noticeProperty().isNotNull());
        noticeLabel.textProperty().bind(Bindings.createStringBinding(() -> i18n.of("format.notice", vm.noticeProperty().get()),
                vm.noticeProperty()));
        // Styled by the theme's .notice rules: an error unless :saved (the gateway screen's convention).
        noticeBanner.pseudoClassStateChanged(SAVED, vm.noticeProperty().get() == FormatViewModel.Notice.SAVED);
        vm.noticeProperty().addListener((o, old, now) -> noticeBanner.pseudoClassStateChanged(SAVED, now == FormatViewModel.Notice.SAVED));
        shown(reloadButton, vm.noticeProperty().isEqualTo(FormatViewModel.Notice.CONFLICT));
        saveButton.disableProperty().bind(vm.canSaveProperty().not());
        revertButton.disableProperty().bind(vm.dirtyProperty().not().or(vm.busyProperty()));
        form.disableProperty().bind(vm.busyProperty().or(vm.loadedProperty().not()));
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        saveButton.sceneProperty().addListener((o, old, now) -> {
            if (old != null) old.getAccelerators().remove(SAVE, saveShortcut);
            if (now != null) now.getAccelerators().put(SAVE, saveShortcut);
        });
        vm.loadIfNeeded();
    }

    /** One tab per language, in the languages' order; the selected language stays selected. */
    private void syncTabs() {
        Tab selected = languageTabs.getSelectionModel().getSelectedItem();
        tabs.keySet().retainAll(vm.tabs());
        List<Tab> ordered = vm.tabs().stream().map(t -> tabs.computeIfAbsent(t, this::newTab)).toList();
        languageTabs.getTabs().setAll(ordered);
        if (selected != null && ordered.contains(selected)) {
            languageTabs.getSelectionModel().select(selected);
        }
    }

    private Tab newTab(TemplateTabViewModel tabVm) {
        ViewLoader.View<TemplateTabController> view = loader.load(TemplateTabController.FXML,
                type -> new TemplateTabController(tabVm, i18n, samplePanels == null ? null : samplePanels.apply(tabVm)));
        Tab tab = new Tab();
        tab.setId("tab-" + tabVm.language());
        tab.setContent(view.root());
        tab.textProperty().bind(Bindings.createStringBinding(() -> tabVm.language()
                        + (tabVm.language().equals(vm.defaultLanguageProperty().get()) ? " " + i18n.get("format.tab.default") : "")
                        + (tabVm.blockingProperty().get() ? " ⚠" : ""),
                vm.defaultLanguageProperty(), tabVm.blockingProperty()));
        return tab;
    }

    private StringConverter<String> names() {
        return new StringConverter<>() {
            @Override
            public String toString(String tag) {
                return LanguageNames.label(tag, i18n);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        };
    }

    private static void shown(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    @FXML private void save() { vm.save(); }
    @FXML private void revert() { vm.revert(); }
    @FXML private void reload() { vm.load(); }

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

    @Override
    public boolean hasUnsavedChanges() {
        return vm.dirtyProperty().get();
    }

    @Override
    public void discardChanges() {
        vm.revert();
    }
}
