package io.cockpit.smtp.ui.main;

import io.cockpit.smtp.core.access.Caller;
import io.cockpit.smtp.ui.common.I18n;
import io.cockpit.smtp.ui.common.UiContext;
import io.cockpit.smtp.ui.common.UnsavedChanges;
import io.cockpit.smtp.ui.common.ViewLoader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** The main window: navigation tree built from the {@link ScreenRegistry}, content area, status bar, language switch. */
public final class MainWindowController {
    /** A node of the navigation: a menu (screen null) or a screen. */
    record NavItem(String labelKey, Screen screen) {
    }

    private final UiContext ctx;
    private final MainViewModel vm;
    private final Map<String, TreeItem<NavItem>> screenItems = new LinkedHashMap<>();
    private Screen current;
    private Object currentController;
    private boolean reverting;

    @FXML private TreeView<NavItem> navigation;
    @FXML private StackPane content;
    @FXML private Label gatewayStatus;
    @FXML private Label databaseLocation;
    @FXML private Label roleStatus;
    /** Filled by the features that show a status (the outbox counts): the window knows none of their labels. */
    @FXML private HBox statusExtras;
    @FXML private ToggleButton french;
    @FXML private ToggleButton english;

    public MainWindowController(UiContext ctx, MainViewModel vm) {
        this.ctx = ctx;
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        I18n i18n = ctx.i18n();
        navigation.setRoot(buildTree());
        navigation.setShowRoot(false);
        navigation.setCellFactory(tv -> new TreeCell<>() {
            @Override
            protected void updateItem(NavItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : i18n.get(item.labelKey()));
            }
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> navigate(old, now));
        gatewayStatus.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("main.status.gateway",
                vm.gatewayStatusProperty().get() == null ? "…" : i18n.of("status", vm.gatewayStatusProperty().get())),
                vm.gatewayStatusProperty()));
        databaseLocation.setText(i18n.get("main.status.database", vm.databaseLocation()));
        Caller caller = ctx.roles().caller();
        roleStatus.setText(caller.role() == null ? i18n.get("main.status.noRole", caller.name())
                : i18n.get("main.status.role", caller.name(), i18n.of("role", caller.role())));
        ToggleGroup languages = new ToggleGroup();
        french.setToggleGroup(languages);
        english.setToggleGroup(languages);
        (Locale.ENGLISH.getLanguage().equals(i18n.locale().getLanguage()) ? english : french).setSelected(true);
        io.cockpit.smtp.ui.outbox.OutboxStatusBar.install(ctx, statusExtras);
    }

    @FXML
    private void switchToFrench() {
        french.setSelected(true);
        ctx.i18n().localeProperty().set(Locale.FRENCH);
    }

    @FXML
    private void switchToEnglish() {
        english.setSelected(true);
        ctx.i18n().localeProperty().set(Locale.ENGLISH);
    }

    private TreeItem<NavItem> buildTree() {
        TreeItem<NavItem> root = new TreeItem<>(new NavItem("", null));
        Map<String, TreeItem<NavItem>> menus = new LinkedHashMap<>();
        for (Screen s : ScreenRegistry.SCREENS) {
            TreeItem<NavItem> parent = root;
            String path = "";
            for (String menuKey : s.menu()) {
                path += "/" + menuKey;
                TreeItem<NavItem> p = parent;
                parent = menus.computeIfAbsent(path, k -> {
                    TreeItem<NavItem> menu = new TreeItem<>(new NavItem(menuKey, null));
                    menu.setExpanded(true);
                    p.getChildren().add(menu);
                    return menu;
                });
            }
            TreeItem<NavItem> item = new TreeItem<>(new NavItem(s.titleKey(), s));
            parent.getChildren().add(item);
            screenItems.put(s.id(), item);
        }
        return root;
    }

    /** Shows a screen by its registry id, as if the user had picked it. */
    public void open(String screenId) {
        TreeItem<NavItem> item = screenItems.get(screenId);
        if (item != null) {
            navigation.getSelectionModel().select(item);
        }
    }

    public String currentScreenId() {
        return current == null ? ScreenRegistry.FIRST : current.id();
    }

    /** True when the current screen may be left: no unsaved changes, or the user agreed to drop them. */
    public boolean mayLeave() {
        if (currentController instanceof UnsavedChanges u && u.hasUnsavedChanges()) {
            if (!ctx.dialogs().confirmDiscard(navigation.getScene().getWindow())) {
                return false;
            }
            u.discardChanges();
        }
        return true;
    }

    private void navigate(TreeItem<NavItem> from, TreeItem<NavItem> to) {
        if (reverting || to == null || to.getValue().screen() == null || to.getValue().screen() == current) {
            return;
        }
        if (!mayLeave()) {
            reverting = true;
            navigation.getSelectionModel().select(from);
            reverting = false;
            return;
        }
        Screen screen = to.getValue().screen();
        ViewLoader.View<Object> view = ctx.loader().load(screen.fxml(), type -> screen.controller().apply(ctx));
        content.getChildren().setAll(view.root());
        current = screen;
        currentController = view.controller();
    }
}
