package io.cockpit.smtp.ui.common;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every screen that edits a stored record shares, on the view-model side: the record is loaded in the background,
 * shown in the screen's edit buffer and saved back from it; the state (busy, loaded, dirty, valid, the notice above
 * the fields, each field's problem) and the commands (load, save, revert, reload after a conflict) live here.
 * It knows no feature: the screen's view model hands over its core calls and its edit buffer as functions
 * ({@link #builder}) and keeps only its fields, their checks and the mapping to and from its record. The view side
 * is {@link FormChrome}.
 *
 * @param <R> what a load or a save brings back: the record, with whatever the screen reads along with it
 */
public final class FormModel<R> implements UnsavedChanges {
    private static final Logger LOG = LoggerFactory.getLogger(FormModel.class);

    /** What the form says above its fields after a load or a save; each screen words it under its own key prefix. */
    public enum Notice { SAVED, CONFLICT, INVALID, LOAD_FAILED, SAVE_FAILED, NOT_PERMITTED }

    private final BackgroundRunner runner;
    private final String subject;
    private final Callable<R> load;
    private final Supplier<Callable<R>> save;
    private final Consumer<R> show;
    private final Supplier<?> editState;
    private final Runnable check;
    private final BooleanSupplier ready;
    private final FieldProblems problems;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final BooleanBinding canSave = Bindings.createBooleanBinding(
            () -> loaded.get() && dirty.get() && valid.get() && !busy.get(), loaded, dirty, valid, busy);

    private R original;
    private Object snapshot;
    private boolean showing;

    private FormModel(Builder<R> b) {
        this.runner = b.runner;
        this.subject = b.subject;
        this.load = Objects.requireNonNull(b.load, "a form needs loads(...)");
        this.save = Objects.requireNonNull(b.save, "a form needs saves(...)");
        this.show = Objects.requireNonNull(b.show, "a form needs shows(...)");
        this.editState = b.editState;
        this.check = b.check;
        this.ready = b.ready;
        this.problems = new FieldProblems(this, b.fields);
    }

    /**
     * @param subject what the form edits, for the log ("gateway 'portal'", "the email format")
     */
    public static <R> Builder<R> builder(BackgroundRunner runner, String subject) {
        return new Builder<>(runner, subject);
    }

    // --- commands ---

    /** Loads the stored record, dropping any edit; also the Reload of a conflict. */
    public void load() {
        busy.set(true);
        notice.set(null);
        runner.run(load)
                .onSuccess(r -> {
                    apply(r);
                    loaded.set(true);
                })
                .onError(e -> {
                    LOG.warn("{} could not be loaded: {}", subject, e.toString());
                    notice.set(Notice.LOAD_FAILED);
                })
                .andFinally(() -> busy.set(false));
    }

    /** Loads once: a view made again (language switch) finds its edits where they were. */
    public void loadIfNeeded() {
        if (!loaded.get() && !busy.get()) {
            load();
        }
    }

    /** Saves the edit buffer when there is something valid to save; what the store kept is shown back. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Callable<R> work = save.get();
        busy.set(true);
        notice.set(null);
        runner.run(work)
                .onSuccess(saved -> {
                    apply(saved);
                    notice.set(Notice.SAVED);
                })
                .onError(this::saveFailed)
                .andFinally(() -> busy.set(false));
    }

    private void saveFailed(Throwable e) {
        switch (SaveFailure.of(e, problems)) {
            case CONFLICT -> notice.set(Notice.CONFLICT);
            case NOT_PERMITTED -> notice.set(Notice.NOT_PERMITTED);
            case INVALID -> {
                valid.set(false);
                notice.set(Notice.INVALID);
            }
            case FAILED -> {
                LOG.warn("{} could not be saved: {}", subject, e.toString());
                notice.set(Notice.SAVE_FAILED);
            }
        }
    }

    /** Puts back what was last loaded or saved. */
    public void revert() {
        if (original != null) {
            apply(original);
            notice.set(null);
        }
    }

    @Override
    public boolean hasUnsavedChanges() {
        return dirty.get();
    }

    @Override
    public void discardChanges() {
        revert();
    }

    // --- what the screen's view model calls ---

    /** After any edit of the buffer: each field's problem, valid and dirty. Ignored while a record is being shown. */
    public void changed() {
        if (showing) {
            return;
        }
        check.run();
        revalidate();
        dirty.set(original != null && !Objects.equals(editState.get(), snapshot));
        if (dirty.get() && notice.get() == Notice.SAVED) {
            notice.set(null);
        }
    }

    /** Valid again, without checking the fields anew (something the screen waits for has arrived). */
    public void revalidate() {
        valid.set(problems.noErrors() && ready.getAsBoolean());
    }

    /** True while a loaded, saved or reverted record fills the buffer: the buffer's own listeners stay quiet. */
    public boolean showing() {
        return showing;
    }

    private void apply(R record) {
        showing = true;
        try {
            original = record;
            show.accept(record);
        } finally {
            showing = false;
        }
        snapshot = editState.get();
        changed();
    }

    // --- state ---

    public FieldProblems problems() { return problems; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public BooleanBinding canSaveProperty() { return canSave; }

    /** The screen's part of a form, given once, as functions. */
    public static final class Builder<R> {
        private final BackgroundRunner runner;
        private final String subject;
        private Collection<String> fields = List.of();
        private Callable<R> load;
        private Supplier<Callable<R>> save;
        private Consumer<R> show;
        private Supplier<?> editState;
        private Runnable check = () -> { };
        private BooleanSupplier ready = () -> true;

        private Builder(BackgroundRunner runner, String subject) {
            this.runner = Objects.requireNonNull(runner);
            this.subject = Objects.requireNonNull(subject);
        }

        /** The fields that can carry a problem, by their stable names. */
        public Builder<R> fields(Collection<String> names) {
            fields = List.copyOf(names);
            return this;
        }

        /** The core call that loads, run in the background. */
        public Builder<R> loads(Callable<R> call) {
            load = call;
            return this;
        }

        /** Takes the edit buffer (on the FX thread) and returns the core call that saves it (run in the background). */
        public Builder<R> saves(Supplier<Callable<R>> call) {
            save = call;
            return this;
        }

        /**
         * Fills the edit buffer from a record (after a load, a save or a revert); {@code state} is what "dirty" compares:
         * the buffer is dirty while its state does not equal the one it had just after being filled.
         */
        public Builder<R> shows(Consumer<R> fill, Supplier<?> state) {
            show = fill;
            editState = Objects.requireNonNull(state);
            return this;
        }

        /** Puts each field's problem on it (through {@link FormModel#problems()}) after an edit. */
        public Builder<R> checks(Runnable fieldChecks) {
            check = Objects.requireNonNull(fieldChecks);
            return this;
        }

        /** What else must hold to save, beyond the fields' problems (the previews are up to date). */
        public Builder<R> readyWhen(BooleanSupplier condition) {
            ready = Objects.requireNonNull(condition);
            return this;
        }

        public FormModel<R> build() {
            return new FormModel<>(this);
        }
    }
}
