package io.cockpit.smtp.ui.transfer;

import io.cockpit.smtp.core.access.NotPermittedException;
import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.transfer.ConfigTransfer;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.ValidationException;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Export and import of the configuration from the console, with the CLI's rules ({@link ConfigTransfer}): an import
 * is first previewed field by field (a dry run, which also says which stored secrets it would drop), then applied all
 * or nothing, exactly as previewed: the file's text read for the preview is the one applied.
 */
public final class TransferViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TransferViewModel.class);

    /** What the last action did, for the screen's notice. */
    public enum Notice { NONE, EXPORTED, PREVIEWED, NOTHING_TO_CHANGE, APPLIED, INVALID, UNREADABLE, CONFLICT, NOT_PERMITTED,
        FAILED }

    private final ConfigTransfer transfer;
    private final BackgroundRunner runner;
    private final StringProperty exportPath = new SimpleStringProperty(this, "exportPath", "");
    private final StringProperty importPath = new SimpleStringProperty(this, "importPath", "");
    private final BooleanProperty keepSecrets = new SimpleBooleanProperty(this, "keepSecrets");
    private final ObservableList<HistoryEntry> changes = FXCollections.observableArrayList();
    private final ObservableList<String> droppedSecrets = FXCollections.observableArrayList();
    private final ObservableList<String> dropCauses = FXCollections.observableArrayList();
    private final ObservableList<FieldProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper previewed = new ReadOnlyBooleanWrapper(this, "previewed");
    /** The file's text as previewed: what Apply applies. */
    private String previewedJson;

    public TransferViewModel(ConfigTransfer transfer, BackgroundRunner runner) {
        this.transfer = transfer;
        this.runner = runner;
        // A preview holds for the file and the choice it was made with only.
        importPath.addListener((o, a, b) -> forgetPreview());
        keepSecrets.addListener((o, a, b) -> {
            if (previewedJson != null) {
                preview(previewedJson);
            }
        });
    }

    /** Writes the configuration (no secret) to the export path. */
    public void export() {
        Path to = Path.of(exportPath.get().strip());
        busy.set(true);
        runner.run(() -> Files.writeString(to, transfer.exportText(), StandardCharsets.UTF_8))
                .onSuccess(p -> notice.set(Notice.EXPORTED))
                .onError(e -> {
                    LOG.warn("export to {} failed: {}", to, e.toString());
                    notice.set(Notice.FAILED);
                })
                .andFinally(() -> busy.set(false));
    }

    /** Reads the import file and shows what importing it would change, changing nothing. */
    public void preview() {
        Path from = Path.of(importPath.get().strip());
        forgetPreview();
        busy.set(true);
        runner.run(() -> Files.readString(from, StandardCharsets.UTF_8))
                .onSuccess(this::preview)
                .onError(e -> {
                    notice.set(e instanceof IOException ? Notice.UNREADABLE : Notice.FAILED);
                    busy.set(false);
                })
                .start();
    }

    private void preview(String json) {
        boolean keep = keepSecrets.get();
        busy.set(true);
        runner.run(() -> transfer.importJson(json, true, keep))
                .onSuccess(r -> {
                    previewedJson = json;
                    changes.setAll(r.changes());
                    droppedSecrets.setAll(r.droppedSecrets());
                    dropCauses.setAll(r.dropCauses());
                    problems.clear();
                    previewed.set(true);
                    notice.set(r.changes().isEmpty() ? Notice.NOTHING_TO_CHANGE : Notice.PREVIEWED);
                })
                .onError(this::failed)
                .andFinally(() -> busy.set(false));
    }

    /** Applies the previewed file, all or nothing. */
    public void apply() {
        String json = previewedJson;
        if (json == null) {
            return;
        }
        boolean keep = keepSecrets.get();
        busy.set(true);
        runner.run(() -> transfer.importJson(json, false, keep))
                .onSuccess(r -> {
                    forgetPreview();
                    changes.setAll(r.changes());
                    notice.set(Notice.APPLIED);
                })
                .onError(this::failed)
                .andFinally(() -> busy.set(false));
    }

    private void failed(Throwable e) {
        if (e instanceof ValidationException v) {
            forgetPreview();
            problems.setAll(v.problems());
            notice.set(Notice.INVALID);
        } else if (e instanceof ConflictException) {
            notice.set(Notice.CONFLICT);
        } else if (e instanceof NotPermittedException) {
            notice.set(Notice.NOT_PERMITTED);
        } else {
            LOG.warn("import failed: {}", e.toString());
            notice.set(Notice.FAILED);
        }
    }

    private void forgetPreview() {
        previewedJson = null;
        previewed.set(false);
        changes.clear();
        droppedSecrets.clear();
        dropCauses.clear();
    }

    /** Apply is offered once a preview shows changes, and not while working. */
    public BooleanBinding canApply() {
        return Bindings.createBooleanBinding(() -> previewed.get() && !changes.isEmpty() && !busy.get(), previewed,
                changes, busy);
    }

    public StringProperty exportPathProperty() { return exportPath; }
    public StringProperty importPathProperty() { return importPath; }
    public BooleanProperty keepSecretsProperty() { return keepSecrets; }
    public ObservableList<HistoryEntry> changes() { return changes; }
    /** The stored secrets the import would drop (by field), and the changed fields that make it drop them. */
    public ObservableList<String> droppedSecrets() { return droppedSecrets; }
    public ObservableList<String> dropCauses() { return dropCauses; }
    public ObservableList<FieldProblem> problems() { return problems; }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
