package io.cockpit.smtp.ui.common;

import io.cockpit.smtp.core.access.Caller;
import io.cockpit.smtp.core.access.Operation;
import javafx.scene.Node;

/**
 * What the console's user may change, read once when the store opens: a screen hides the buttons the role may not
 * use and shows its form read-only. The services check again on every call, so a role changed while the console is
 * open is still held to (the screen then says the change was not permitted).
 */
public final class RoleGate {
    private final Caller caller;

    public RoleGate(Caller caller) {
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    public boolean may(Operation operation) {
        return caller.may(operation);
    }

    /** Takes the nodes out of the screen (no gap left) unless the role allows {@code operation}. */
    public void hideUnless(Operation operation, Node... nodes) {
        if (!may(operation)) {
            for (Node n : nodes) {
                n.visibleProperty().unbind();
                n.managedProperty().unbind();
                n.setVisible(false);
                n.setManaged(false);
            }
        }
    }

    /**
     * Shows the nodes read-only (disabled, still readable) unless the role allows {@code operation}. Bindings a
     * screen made on them (disabled while busy) give way: read-only is for good.
     */
    public void lockUnless(Operation operation, Iterable<? extends Node> nodes) {
        if (!may(operation)) {
            for (Node n : nodes) {
                n.disableProperty().unbind();
                n.setDisable(true);
            }
        }
    }
}
