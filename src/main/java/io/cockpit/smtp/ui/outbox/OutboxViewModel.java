package io.cockpit.smtp.ui.outbox;

import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxMessage;
import io.cockpit.smtp.core.outbox.OutboxService;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.core.outbox.Recipient;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.FoldedReload;
import io.cockpit.smtp.ui.common.FxEvents;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The File d'envoi screen: the outbox as a live table with filters, the selected message's details (recipients,
 * headers and source as they go on the wire), Retry and Purge.
 */
public final class OutboxViewModel {
    public static final int LIMIT = 500;

    /** What the last command did, for the screen's notice. */
    public enum Notice { NONE, RETRIED, PURGED, FAILED }

    private final OutboxService outbox;
    private final BackgroundRunner runner;
    private final ObservableList<OutboxRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<OutboxStatus> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final ObjectProperty<Flow> flowFilter = new SimpleObjectProperty<>(this, "flowFilter");
    private final ObjectProperty<OutboxRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.NONE);
    private final ReadOnlyObjectWrapper<Integer> noticeCount = new ReadOnlyObjectWrapper<>(this, "noticeCount", 0);
    private final FoldedReload<List<OutboxRow>> reload;
    private long detailsGeneration;

    public OutboxViewModel(OutboxService outbox, BackgroundRunner runner, FxEvents events) {
        this.outbox = outbox;
        this.runner = runner;
        this.reload = new FoldedReload<>(runner, () -> {
            OutboxStatus s = statusFilter.get();
            Flow f = flowFilter.get();
            return () -> outbox.list(s, f, LIMIT).stream().map(OutboxRow::of).toList();
        }, this::show);
        statusFilter.addListener((o, a, b) -> refresh());
        flowFilter.addListener((o, a, b) -> refresh());
        selected.addListener((o, a, b) -> {
            if (b == null || a == null || a.id() != b.id() || a.status() != b.status() || a.attempts() != b.attempts()) {
                loadDetails(b);
            }
        });
        outbox.events().subscribe(events.deliver(e -> refresh()));
    }

    /** Reloads the table in the background; calls while one runs are folded into one more run. */
    public void refresh() {
        reload.request();
    }

    private void show(List<OutboxRow> fresh) {
        OutboxRow was = selected.get();
        rows.setAll(fresh);
        if (was != null) {
            selected.set(fresh.stream().filter(r -> r.id() == was.id()).findFirst().orElse(null));
        }
    }

    private void loadDetails(OutboxRow row) {
        long generation = ++detailsGeneration;
        if (row == null) {
            details.set("");
            return;
        }
        runner.run(() -> outbox.find(row.id()).map(this::describe).orElse(""))
                .onSuccess(text -> {
                    if (generation == detailsGeneration) {
                        details.set(text);
                    }
                })
                .start();
    }

    private String describe(OutboxMessage m) {
        StringBuilder sb = new StringBuilder();
        for (Recipient r : m.recipients()) {
            sb.append("# ").append(r.address()).append(" — ").append(r.status().cliName());
            if (r.reply() != null) {
                sb.append(" (").append(r.reply()).append(')');
            }
            sb.append('\n');
        }
        sb.append('\n').append(outbox.source(m));
        return sb.toString();
    }

    /** Makes the selected message due now. */
    public void retrySelected() {
        OutboxRow row = selected.get();
        if (row == null || !row.retryable()) {
            return;
        }
        runner.run(() -> outbox.retry(row.id()))
                .onSuccess(n -> say(Notice.RETRIED, n))
                .onError(e -> say(Notice.FAILED, 0))
                .andFinally(this::refresh);
    }

    /** Makes every failed or deferred message (as the status filter shows) due now. */
    public void retryAll(OutboxStatus status) {
        runner.run(() -> outbox.retryAll(status))
                .onSuccess(n -> say(Notice.RETRIED, n))
                .onError(e -> say(Notice.FAILED, 0))
                .andFinally(this::refresh);
    }

    /** Deletes every sent or failed message. */
    public void purge(OutboxStatus status) {
        runner.run(() -> outbox.purge(status, null))
                .onSuccess(n -> say(Notice.PURGED, n))
                .onError(e -> say(Notice.FAILED, 0))
                .andFinally(this::refresh);
    }

    private void say(Notice n, int count) {
        noticeCount.set(count);
        notice.set(n);
    }

    public BooleanBinding retryDisabled() {
        return Bindings.createBooleanBinding(() -> selected.get() == null || !selected.get().retryable(), selected);
    }

    public ObservableList<OutboxRow> rows() { return rows; }
    public ObjectProperty<OutboxStatus> statusFilterProperty() { return statusFilter; }
    public ObjectProperty<Flow> flowFilterProperty() { return flowFilter; }
    public ObjectProperty<OutboxRow> selectedProperty() { return selected; }
    public ReadOnlyStringProperty detailsProperty() { return details.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Integer> noticeCountProperty() { return noticeCount.getReadOnlyProperty(); }
}
