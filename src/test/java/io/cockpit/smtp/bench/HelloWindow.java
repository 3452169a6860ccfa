package io.cockpit.smtp.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The smallest JavaFX window with a title: the reference the console's start-up is measured against
 * (src/test/scripts/startup-benchmark.sh), run from the console's own jar on the same JVM.
 */
public final class HelloWindow {
    private HelloWindow() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Hello window");
            stage.setScene(new Scene(new StackPane(new Label("Hello")), 640, 480));
            stage.show();
        }
    }
}
