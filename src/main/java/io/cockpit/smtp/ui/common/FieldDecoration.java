package io.cockpit.smtp.ui.common;

import io.cockpit.smtp.core.validation.FieldProblem;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

/**
 * Shows a view model's field problem on its control: pseudo-class {@code :invalid} (error) or {@code :warning}
 * on the control (styled by theme.css, never setStyle), and the words in a message label under it.
 * Chosen over ControlsFX ValidationSupport: the problems already live in the view model (tested without the toolkit),
 * and a pseudo-class is visible to CSS and to TestFX alike.
 */
public final class FieldDecoration {
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    public static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final I18n i18n;

    public FieldDecoration(I18n i18n) {
        this.i18n = i18n;
    }

    public void bind(Control control, Label message, ObservableValue<FieldProblem> problem) {
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        problem.addListener((o, old, now) -> show(control, message, now));
        show(control, message, problem.getValue());
    }

    private void show(Control control, Label message, FieldProblem p) {
        boolean error = p != null && p.isError();
        boolean warning = p != null && !p.isError();
        control.pseudoClassStateChanged(INVALID, error);
        control.pseudoClassStateChanged(WARNING, warning);
        message.pseudoClassStateChanged(INVALID, error);
        message.pseudoClassStateChanged(WARNING, warning);
        message.setText(p == null ? "" : i18n.of("problem", p.problem()));
        message.setVisible(p != null);
        message.setManaged(p != null);
    }
}
