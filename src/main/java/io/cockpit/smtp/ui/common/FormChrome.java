package io.cockpit.smtp.ui.common;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Pane;

/**
 * What every editing screen's view shares, bound to its {@link FormModel}: the busy indicator, the fields disabled
 * until loaded and while working, the notice banner (its words, its {@code :saved} look, Reload after a conflict),
 * Revert, and Save with its Ctrl+S. A controller binds its own fields and hands these nodes over:
 * <pre>
 * FormChrome.of(vm.form(), i18n, key("gateway.notice."))
 *         .busy(busyIndicator, form)
 *         .banner(noticeBanner, noticeLabel, reloadButton)
 *         .buttons(revertButton, saveButton);
 * </pre>
 * The unsaved-changes guard of the main window is the form itself ({@link FormModel} is an {@link UnsavedChanges}).
 */
public final class FormChrome {
    private static final KeyCombination SAVE = KeyCombination.keyCombination("Shortcut+S");
    private static final PseudoClass SAVED = PseudoClass.getPseudoClass("saved");

    private final FormModel<?> form;
    private final I18n i18n;
    private final String notices;

    private FormChrome(FormModel<?> form, I18n i18n, String notices) {
        this.form = form;
        this.i18n = i18n;
        this.notices = notices;
    }

    /**
     * @param notices the bundle prefix of the screen's notice words, ending with a dot and written
     *                {@code key("gateway.notice.")} so the localisation test checks the family
     */
    public static FormChrome of(FormModel<?> form, I18n i18n, String notices) {
        return new FormChrome(form, i18n, notices);
    }

    /** The indicator turns while loading or saving; the fields can be edited only once loaded and while idle. */
    public FormChrome busy(ProgressIndicator indicator, Node fields) {
        indicator.visibleProperty().bind(form.busyProperty());
        fields.disableProperty().bind(form.busyProperty().or(form.loadedProperty().not()));
        return this;
    }

    /** The banner says the notice (styled by the theme's .notice rules: an error unless :saved); Reload after a conflict. */
    public FormChrome banner(Pane banner, Label words, Button reload) {
        Shown.when(banner, form.noticeProperty().isNotNull());
        words.textProperty().bind(Bindings.createStringBinding(() -> form.noticeProperty().get() == null ? ""
                : i18n.get(notices + form.noticeProperty().get().name()), form.noticeProperty()));
        banner.pseudoClassStateChanged(SAVED, form.noticeProperty().get() == FormModel.Notice.SAVED);
        form.noticeProperty().addListener((o, old, now) -> banner.pseudoClassStateChanged(SAVED, now == FormModel.Notice.SAVED));
        Shown.when(reload, form.noticeProperty().isEqualTo(FormModel.Notice.CONFLICT));
        reload.setOnAction(e -> form.load());
        return this;
    }

    /** Revert while there are edits; Save (and Ctrl+S anywhere in the window) while there is something valid to save. */
    public FormChrome buttons(Button revert, Button save) {
        revert.disableProperty().bind(form.dirtyProperty().not().or(form.busyProperty()));
        revert.setOnAction(e -> form.revert());
        save.disableProperty().bind(form.canSaveProperty().not());
        save.setOnAction(e -> form.save());
        // Kept as one object: the scene's accelerator is removed only if it is still this form's.
        Runnable shortcut = form::save;
        save.sceneProperty().addListener((o, old, now) -> {
            if (old != null) old.getAccelerators().remove(SAVE, shortcut);
            if (now != null) now.getAccelerators().put(SAVE, shortcut);
        });
        return this;
    }
}
