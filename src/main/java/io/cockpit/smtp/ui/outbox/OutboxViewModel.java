package io.cockpit.smtp.ui.outbox;

import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxMessage;
import io.cockpit.smtp.core.outbox.OutboxPage;
import io.cockpit.smtp.core.outbox.OutboxQuery;
import io.cockpit.smtp.core.outbox.OutboxService;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.core.outbox.Recipient;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.FoldedReload;
import io.cockpit.smtp.ui.common.FxEvents;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The File d'envoi screen: the outbox as a live table, searched in the store (recipient, a piece of the subject,
 * Message-ID, status, flow, engine, days), newest first and a page at a time; the selected message's details
 * (recipients, headers and source as they go on the wire), Retry and Purge. The text boxes apply when the user asks
 * ({@link #search()}); the lists and days at once.
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
    private final StringProperty toSearch = new SimpleStringProperty(this, "toSearch", "");
    private final StringProperty subjectSearch = new SimpleStringProperty(this, "subjectSearch", "");
    private final StringProperty messageIdSearch = new SimpleStringProperty(this, "messageIdSearch", "");
    private final StringProperty engineSearch = new SimpleStringProperty(this, "engineSearch", "");
    private final ObjectProperty<LocalDate> sinceDay = new SimpleObjectProperty<>(this, "sinceDay");
    private final ObjectProperty<LocalDate> untilDay = new SimpleObjectProperty<>(this, "untilDay");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ZoneId zone;
    /** The search the table shows, and where its next page starts (null: none). */
    private OutboxQuery shown;
    private OutboxQuery.PageKey next;
    private final ObjectProperty<OutboxRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.NONE);
    private final ReadOnlyObjectWrapper<Integer> noticeCount = new ReadOnlyObjectWrapper<>(this, "noticeCount", 0);
    private final FoldedReload<Found> reload;
    private long detailsGeneration;

    public OutboxViewModel(OutboxService outbox, BackgroundRunner runner, FxEvents events) {
        this(outbox, runner, events, ZoneId.systemDefault());
    }

    /** @param zone where a day given to the search starts and ends */
    public OutboxViewModel(OutboxService outbox, BackgroundRunner runner, FxEvents events, ZoneId zone) {
        this.outbox = outbox;
        this.runner = runner;
        this.zone = zone;
        this.reload = new FoldedReload<>(runner, () -> {
            // As many rows as are shown (pages loaded with "more" stay loaded when the table refreshes).
            OutboxQuery q = query(Math.min(OutboxService.MAX_PAGE, Math.max(LIMIT, rows.size())));
            return () -> new Found(q, outbox.search(q));
        }, this::show, null, () -> searching.set(false));
        statusFilter.addListener((o, a, b) -> search());
        flowFilter.addListener((o, a, b) -> search());
        sinceDay.addListener((o, a, b) -> search());
        untilDay.addListener((o, a, b) -> search());
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

    /** Runs the search as the boxes say now, from its first page. */
    public void search() {
        rows.clear();
        searching.set(true);
        reload.request();
    }

    /** Empties every search box and filter: the newest messages again. */
    public void clearSearch() {
        toSearch.set("");
        subjectSearch.set("");
        messageIdSearch.set("");
        engineSearch.set("");
        statusFilter.set(null);
        flowFilter.set(null);
        sinceDay.set(null);
        untilDay.set(null);
        search();
    }

    /** Adds the next page of the search shown under the rows. */
    public void loadMore() {
        OutboxQuery q = shown;
        OutboxQuery.PageKey from = next;
        if (q == null || from == null) {
            return;
        }
        searching.set(true);
        OutboxQuery page = new OutboxQuery(q.status(), q.flow(), q.engine(), q.to(), q.subject(), q.messageId(),
                q.since(), q.until(), LIMIT, from);
        runner.run(() -> outbox.search(page))
                .onSuccess(p -> {
                    if (shown == q) {
                        rows.addAll(p.messages().stream().map(OutboxRow::of).toList());
                        next = p.next();
                        more.set(p.hasMore());
                    }
                })
                .andFinally(() -> searching.set(false));
    }

    private OutboxQuery query(int limit) {
        return new OutboxQuery(statusFilter.get(), flowFilter.get(), blankToNull(engineSearch.get()),
                blankToNull(toSearch.get()), blankToNull(subjectSearch.get()), blankToNull(messageIdSearch.get()),
                sinceDay.get() == null ? null : sinceDay.get().atStartOfDay(zone).toInstant(),
                untilDay.get() == null ? null : untilDay.get().plusDays(1).atStartOfDay(zone).toInstant(), limit, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A search and the rows it found. */
    private record Found(OutboxQuery query, OutboxPage page) {
    }

    private void show(Found fresh) {
        OutboxRow was = selected.get();
        List<OutboxRow> found = fresh.page().messages().stream().map(OutboxRow::of).toList();
        rows.setAll(found);
        shown = fresh.query();
        next = fresh.page().next();
        more.set(fresh.page().hasMore());
        if (was != null) {
            selected.set(found.stream().filter(r -> r.id() == was.id()).findFirst().orElse(null));
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
    public StringProperty toSearchProperty() { return toSearch; }
    public StringProperty subjectSearchProperty() { return subjectSearch; }
    public StringProperty messageIdSearchProperty() { return messageIdSearch; }
    public StringProperty engineSearchProperty() { return engineSearch; }
    public ObjectProperty<LocalDate> sinceDayProperty() { return sinceDay; }
    public ObjectProperty<LocalDate> untilDayProperty() { return untilDay; }
    /** True when the search finds more messages than the rows shown. */
    public ReadOnlyBooleanProperty moreProperty() { return more.getReadOnlyProperty(); }
    /** True while a search the user asked for runs. */
    public ReadOnlyBooleanProperty searchingProperty() { return searching.getReadOnlyProperty(); }
    public ObjectProperty<OutboxRow> selectedProperty() { return selected; }
    public ReadOnlyStringProperty detailsProperty() { return details.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Integer> noticeCountProperty() { return noticeCount.getReadOnlyProperty(); }
}
