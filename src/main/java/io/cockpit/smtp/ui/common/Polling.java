package io.cockpit.smtp.ui.common;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Repeats an action while a node is on a showing window; stops for good once it is not (the window closed, or a
 * language switch replaced the view). Other processes change the store (the outbox, the engines' heartbeats, the
 * history)
 * without telling this one, hence polling.
 */
public final class Polling {
    private Polling() {
    }

    public static void whileShowing(Node node, Duration every, Runnable action) {
        Timeline timeline = new Timeline();
        timeline.getKeyFrames().add(new KeyFrame(every, e -> {
            boolean showing = node.getScene() != null && node.getScene().getWindow() != null
                    && node.getScene().getWindow().isShowing();
            if (showing) {
                action.run();
            } else {
                timeline.stop();
            }
        }));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
    }
}
