package io.cockpit.smtp.ui.common;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The form skeleton on its own, without the toolkit: a one-field form over a store that keeps one versioned note and
 * refuses a save over a newer version, as the core's services do.
 */
class FormModelTest {
    static final String TEXT = "text";

    record Note(String text, long version) {
    }

    /** Keeps one note; a save must name the version it was loaded at. */
    static final class NoteStore {
        Note stored = new Note("first", 1);
        RuntimeException failure;
        ValidationException refusal;

        synchronized Note load() {
            if (failure != null) {
                throw failure;
            }
            return stored;
        }

        synchronized Note save(Note draft) throws ConflictException, ValidationException {
            if (failure != null) {
                throw failure;
            }
            if (refusal != null) {
                throw refusal;
            }
            if (draft.version() != stored.version()) {
                throw new ConflictException("note", draft.version(), stored.version());
            }
            stored = new Note(draft.text(), draft.version() + 1);
            return stored;
        }
    }

    /** A screen's view model as a feature writes one: its field, its check, the mapping to and from its record. */
    static final class NoteForm {
        final StringProperty text = new SimpleStringProperty("");
        final SimpleBooleanProperty previewReady = new SimpleBooleanProperty(true);
        final FormModel<Note> form;
        long version;
        int checks;

        NoteForm(NoteStore store, BackgroundRunner runner) {
            form = FormModel.<Note>builder(runner, "the note")
                    .fields(List.of(TEXT))
                    .loads(store::load)
                    .saves(() -> {
                        Note draft = new Note(text.get(), version);
                        return (Callable<Note>) () -> store.save(draft);
                    })
                    .shows(n -> {
                        version = n.version();
                        text.set(n.text());
                    }, text::get)
                    .checks(this::check)
                    .readyWhen(previewReady::get)
                    .build();
            text.addListener((o, old, now) -> form.changed());
        }

        /** Blank is refused; long is only warned about. */
        private void check() {
            checks++;
            form.problems().set(TEXT, text.get().isBlank() ? FieldProblem.error(TEXT, Problem.REQUIRED)
                    : text.get().length() > 20 ? FieldProblem.warning(TEXT, Problem.TOO_LONG) : null);
        }
    }

    NoteStore store;
    NoteForm note;
    FormModel<Note> form;

    @BeforeEach
    void open() {
        store = new NoteStore();
        note = new NoteForm(store, new InlineRunner());
        form = note.form;
    }

    @Test
    void loadFillsTheBufferWithNothingToSave() {
        assertFalse(form.loadedProperty().get());

        form.load();

        assertTrue(form.loadedProperty().get());
        assertEquals("first", note.text.get());
        assertFalse(form.busyProperty().get());
        assertFalse(form.dirtyProperty().get());
        assertTrue(form.validProperty().get());
        assertFalse(form.canSaveProperty().get(), "nothing changed yet");
        assertNull(form.noticeProperty().get());
    }

    @Test
    void aFailedLoadSaysSoAndLeavesTheFormClosed() {
        store.failure = new IllegalStateException("the store is locked");

        form.load();

        assertEquals(FormModel.Notice.LOAD_FAILED, form.noticeProperty().get());
        assertFalse(form.loadedProperty().get());
        assertFalse(form.busyProperty().get());
        note.text.set("typed anyway");
        assertFalse(form.canSaveProperty().get());

        store.failure = null;
        form.loadIfNeeded();
        assertTrue(form.loadedProperty().get(), "a form never loaded loads when shown again");
        assertNull(form.noticeProperty().get());
    }

    @Test
    void loadIfNeededKeepsTheEditsOfAFormAlreadyLoaded() {
        form.load();
        note.text.set("mine");

        form.loadIfNeeded();

        assertEquals("mine", note.text.get());
        assertTrue(form.dirtyProperty().get());
    }

    @Test
    void anEditIsAChangeAndTypingBackTheLoadedValueIsNot() {
        form.load();

        note.text.set("second");
        assertTrue(form.dirtyProperty().get());
        assertTrue(form.hasUnsavedChanges());
        assertTrue(form.canSaveProperty().get());

        note.text.set("first");
        assertFalse(form.dirtyProperty().get());
        assertFalse(form.canSaveProperty().get());
    }

    @Test
    void saveStoresShowsWhatWasStoredAndSaysSo() {
        form.load();
        note.text.set("second");

        form.save();

        assertEquals(new Note("second", 2), store.stored);
        assertEquals(2, note.version, "the buffer now holds the stored version");
        assertEquals(FormModel.Notice.SAVED, form.noticeProperty().get());
        assertFalse(form.dirtyProperty().get());
        assertFalse(form.busyProperty().get());

        note.text.set("third");
        assertNull(form.noticeProperty().get(), "an edit after saving takes the Saved notice away");
        form.save();
        assertEquals(new Note("third", 3), store.stored, "a second save goes over the first");
    }

    @Test
    void aSaveOverSomeoneElsesIsAConflictThatOverwritesNothingAndReloadBringsTheirs() throws Exception {
        form.load();
        store.save(new Note("theirs", 1));
        note.text.set("mine");

        form.save();

        assertEquals(FormModel.Notice.CONFLICT, form.noticeProperty().get());
        assertEquals(new Note("theirs", 2), store.stored);
        assertEquals("mine", note.text.get(), "the user's edit stays on screen");
        assertTrue(form.dirtyProperty().get());

        form.load();

        assertEquals("theirs", note.text.get());
        assertNull(form.noticeProperty().get());
        assertFalse(form.dirtyProperty().get());
        note.text.set("mine again");
        form.save();
        assertEquals(new Note("mine again", 3), store.stored);
    }

    @Test
    void aValueTheStoreRefusesIsShownOnItsFieldAndBlocksSaving() {
        form.load();
        store.refusal = new ValidationException(List.of(FieldProblem.error(TEXT, Problem.CONTROL_CHARACTERS),
                FieldProblem.error("not-on-this-form", Problem.REQUIRED)));
        note.text.set("second");

        form.save();

        assertEquals(FormModel.Notice.INVALID, form.noticeProperty().get());
        assertEquals(Problem.CONTROL_CHARACTERS, form.problems().property(TEXT).get().problem());
        assertFalse(form.validProperty().get());
        assertFalse(form.canSaveProperty().get());
        assertEquals(new Note("first", 1), store.stored);

        store.refusal = null;
        note.text.set("third");
        assertTrue(form.canSaveProperty().get(), "the next edit is checked anew");
    }

    @Test
    void aStoreFailureSaysSoAndKeepsTheEdits() {
        form.load();
        note.text.set("second");
        store.failure = new IllegalStateException("disk full");

        form.save();

        assertEquals(FormModel.Notice.SAVE_FAILED, form.noticeProperty().get());
        assertEquals("second", note.text.get());
        assertTrue(form.dirtyProperty().get());
        assertFalse(form.busyProperty().get());
    }

    @Test
    void revertPutsBackWhatWasLoadedAndClearsTheNotice() throws Exception {
        form.load();
        store.save(new Note("theirs", 1));
        note.text.set("mine");
        form.save();

        form.revert();

        assertEquals("first", note.text.get());
        assertFalse(form.dirtyProperty().get());
        assertNull(form.noticeProperty().get());
    }

    @Test
    void discardingChangesForTheNavigationGuardIsARevert() {
        form.load();
        note.text.set("mine");

        form.discardChanges();

        assertEquals("first", note.text.get());
        assertFalse(form.hasUnsavedChanges());
    }

    @Test
    void anErrorOnAFieldBlocksSavingAndAWarningDoesNot() {
        form.load();

        note.text.set(" ");
        assertEquals(Problem.REQUIRED, form.problems().property(TEXT).get().problem());
        assertFalse(form.validProperty().get());
        assertFalse(form.canSaveProperty().get());

        note.text.set("a text longer than twenty characters");
        assertFalse(form.problems().property(TEXT).get().isError());
        assertTrue(form.canSaveProperty().get());
    }

    @Test
    void saveWaitsForWhatTheScreenIsNotReadyWithout() {
        form.load();
        note.previewReady.set(false);
        note.text.set("second");
        assertFalse(form.canSaveProperty().get());

        note.previewReady.set(true);
        form.revalidate();

        assertTrue(form.canSaveProperty().get());
    }

    @Test
    void whileSavingTheFormIsBusyAndCannotBeSavedOrRevertedTwice() {
        QueuedRunner runner = new QueuedRunner();
        NoteForm slow = new NoteForm(store, runner);
        slow.form.load();
        assertTrue(slow.form.busyProperty().get(), "busy while loading");
        runner.runAll();
        slow.text.set("second");

        slow.form.save();

        assertTrue(slow.form.busyProperty().get());
        assertFalse(slow.form.canSaveProperty().get());
        slow.form.save();
        assertEquals(1, runner.pending(), "a second Save (Ctrl+S twice) starts nothing");
        assertEquals(new Note("first", 1), store.stored, "nothing stored before the work runs");

        runner.runAll();

        assertFalse(slow.form.busyProperty().get());
        assertEquals(new Note("second", 2), store.stored);
        assertEquals(FormModel.Notice.SAVED, slow.form.noticeProperty().get());
    }

    @Test
    void nothingIsSavedBeforeLoadingOrWithoutAChange() {
        note.text.set("typed before loading");
        form.save();
        form.load();
        form.save();

        assertEquals(new Note("first", 1), store.stored);
        assertNull(form.noticeProperty().get());
    }

    @Test
    void fillingTheBufferIsNotAnEditAndIsCheckedOnceFilled() {
        List<Boolean> dirtyChanges = new ArrayList<>();
        form.dirtyProperty().addListener((o, old, now) -> dirtyChanges.add(now));
        List<Boolean> showingWhileFilled = new ArrayList<>();
        note.text.addListener((o, old, now) -> showingWhileFilled.add(form.showing()));

        form.load();

        assertEquals(List.of(true), showingWhileFilled);
        assertFalse(form.showing());
        assertEquals(List.of(), dirtyChanges, "never dirty while loading");
        assertEquals(1, note.checks, "checked once, when full, not at each field filled");
    }
}
