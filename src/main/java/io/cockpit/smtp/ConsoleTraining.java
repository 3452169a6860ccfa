package io.cockpit.smtp;

import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.ui.ConsoleApp;
import java.util.Timer;
import java.util.TimerTask;
import javafx.application.Platform;
import javafx.stage.Window;

/** The console's part of {@link CdsTraining}: opens it, waits for its first screen, then closes it. */
final class ConsoleTraining {
    private static final long GIVE_UP_MS = 60_000;

    private ConsoleTraining() {
    }

    static void openUntilFirstScreen(DbLocation location) {
        long start = System.currentTimeMillis();
        Timer timer = new Timer("training-watch", true);
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                if (System.currentTimeMillis() - start > GIVE_UP_MS) {
                    System.err.println("the console's first screen did not show within a minute: closing it");
                    Platform.exit();
                    return;
                }
                Platform.runLater(() -> {
                    boolean ready = Window.getWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
                            && w.getScene().lookup("#form") != null);
                    if (ready) {
                        timer.cancel();
                        // A moment more: the status bar's first refresh and the engine's start.
                        new Timer("training-close", true).schedule(new TimerTask() {
                            @Override
                            public void run() {
                                Platform.exit();
                            }
                        }, 1500);
                    }
                });
            }
        }, 200, 200);
        ConsoleApp.launchConsole(location);
    }
}
