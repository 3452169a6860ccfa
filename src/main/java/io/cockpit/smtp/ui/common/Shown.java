package io.cockpit.smtp.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** A node that is there only while a condition holds: hidden, it leaves no gap in its layout either. */
public final class Shown {
    private Shown() {
    }

    public static void when(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
