package io.cockpit.smtp.ui.common;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The console's few modal questions, worded through the bundle. */
public final class Dialogs {
    private final I18n i18n;

    public Dialogs(I18n i18n) {
        this.i18n = i18n;
    }

    /** "You have unsaved changes": true when the user chose to discard them. */
    public boolean confirmDiscard(Window owner) {
        ButtonType discard = new ButtonType(i18n.get("common.discard"), ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(i18n.get("common.stay"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, i18n.get("common.unsaved.message"), discard, stay);
        alert.initOwner(owner);
        alert.setTitle(i18n.get("common.unsaved.title"));
        alert.setHeaderText(null);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == discard;
    }

    /** A one-sentence error, waiting for the user to read it. */
    public void error(Window owner, String title, String sentence) {
        Alert alert = new Alert(Alert.AlertType.ERROR, sentence, ButtonType.OK);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.showAndWait();
    }
}
