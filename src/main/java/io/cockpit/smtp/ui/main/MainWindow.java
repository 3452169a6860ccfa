package io.cockpit.smtp.ui.main;

import io.cockpit.smtp.ui.common.UiContext;
import io.cockpit.smtp.ui.common.ViewLoader;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Owns the console's stage. A language switch reloads the whole view from FXML with the new bundle and reopens the
 * same screen; view models are kept in the context, so nothing typed is lost.
 */
public final class MainWindow {
    public static final String FXML = "/io/cockpit/smtp/ui/main/MainWindow.fxml";
    public static final String THEME = "/io/cockpit/smtp/ui/theme.css";

    private final UiContext ctx;
    private final Stage stage;
    private final MainViewModel vm;
    private MainWindowController controller;

    public MainWindow(UiContext ctx, Stage stage) {
        this.ctx = ctx;
        this.stage = stage;
        this.vm = ctx.viewModel("main", () -> new MainViewModel(ctx.services().gateways(), ctx.runner(), ctx.events(),
                ctx.services().location().display()));
    }

    /** Puts the console's view into the window, in place of the {@link OpeningView} when the window already shows it. */
    public void show() {
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = OpeningView.scene(ctx.i18n());
            stage.setScene(scene);
        }
        scene.getStylesheets().add(MainWindow.class.getResource(THEME).toExternalForm());
        scene.setRoot(load());
        stage.setOnCloseRequest(e -> {
            if (!controller.mayLeave()) {
                e.consume();
            }
        });
        ctx.i18n().localeProperty().addListener((o, old, now) -> stage.getScene().setRoot(load()));
        vm.load();
        stage.show();
    }

    private javafx.scene.Parent load() {
        String screen = controller == null ? ScreenRegistry.FIRST : controller.currentScreenId();
        ViewLoader.View<MainWindowController> view = ctx.loader().load(FXML, type -> new MainWindowController(ctx, vm));
        controller = view.controller();
        stage.setTitle(ctx.i18n().get("main.title"));
        controller.open(screen);
        return view.root();
    }

    public MainWindowController controller() {
        return controller;
    }
}
