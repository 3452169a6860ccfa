package io.cockpit.smtp.ui.main;

import io.cockpit.smtp.ui.common.I18n;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;

/**
 * What the window shows from the first frame until the store is open and the first screen built: a spinning
 * indicator and one line. Built in code, without FXML or the theme, so the window appears as soon as the toolkit
 * runs; {@link MainWindow} then puts its own view into the same scene.
 */
public final class OpeningView {
    /** The window's size: never larger than the screen (small laptops, the headless test screen of 1280x800). */
    static final double WIDTH = 1180;
    static final double HEIGHT = 820;

    private OpeningView() {
    }

    public static Scene scene(I18n i18n) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new Scene(root(i18n), Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
    }

    static Parent root(I18n i18n) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("openingProgress");
        progress.setPrefSize(56, 56);
        Label line = new Label(i18n.get("main.opening"));
        VBox box = new VBox(16, progress, line);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
