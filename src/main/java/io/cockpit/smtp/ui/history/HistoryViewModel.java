package io.cockpit.smtp.ui.history;

import io.cockpit.smtp.core.history.ChangeHistory;
import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.core.history.HistoryQuery;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Historique screen: every saved change, newest first (when, who, from where, the field, old and new values;
 * secrets only as set or changed), filtered by area, person and days. It follows other workstations' saves by
 * watching the latest change's id ({@link #poll()}), which any save in any process makes grow.
 */
public final class HistoryViewModel {
    public static final int LIMIT = 1000;
    /** The areas a change can be in: the part of its section before the colon. */
    public static final List<String> AREAS = List.of("gateway", "format", "user");

    private final ChangeHistory history;
    private final BackgroundRunner runner;
    private final ZoneId zone;
    private final ObservableList<HistoryEntry> rows = FXCollections.observableArrayList();
    private final ObservableList<String> people = FXCollections.observableArrayList();
    private final ObjectProperty<String> area = new SimpleObjectProperty<>(this, "area");
    private final ObjectProperty<String> person = new SimpleObjectProperty<>(this, "person");
    private final ObjectProperty<LocalDate> sinceDay = new SimpleObjectProperty<>(this, "sinceDay");
    private final ObjectProperty<LocalDate> untilDay = new SimpleObjectProperty<>(this, "untilDay");
    private long latestShown = -1;
    private long generation;

    public HistoryViewModel(ChangeHistory history, BackgroundRunner runner, ZoneId zone) {
        this.history = history;
        this.runner = runner;
        this.zone = zone;
        area.addListener((o, a, b) -> refresh());
        person.addListener((o, a, b) -> refresh());
        sinceDay.addListener((o, a, b) -> refresh());
        untilDay.addListener((o, a, b) -> refresh());
    }

    /** Reads the changes the filters select, and who can be chosen as a person. */
    public void refresh() {
        long mine = ++generation;
        HistoryQuery q = new HistoryQuery(area.get(), person.get(),
                sinceDay.get() == null ? null : sinceDay.get().atStartOfDay(zone).toInstant(),
                untilDay.get() == null ? null : untilDay.get().plusDays(1).atStartOfDay(zone).toInstant(), LIMIT);
        runner.run(() -> new Read(history.latestId(), history.search(q), history.people()))
                .onSuccess(read -> {
                    if (mine == generation) {
                        latestShown = read.latest();
                        rows.setAll(read.entries());
                        if (!people.equals(read.people())) {
                            people.setAll(read.people());
                        }
                    }
                })
                .start();
    }

    /** Reads again when someone saved since the last read (here or on another workstation). */
    public void poll() {
        long shown = latestShown;
        runner.run(history::latestId).onSuccess(latest -> {
            if (latest != shown && shown == latestShown) {
                refresh();
            }
        }).start();
    }

    private record Read(long latest, List<HistoryEntry> entries, List<String> people) {
    }

    public ObservableList<HistoryEntry> rows() { return rows; }
    public ObservableList<String> people() { return people; }
    public ObjectProperty<String> areaProperty() { return area; }
    public ObjectProperty<String> personProperty() { return person; }
    public ObjectProperty<LocalDate> sinceDayProperty() { return sinceDay; }
    public ObjectProperty<LocalDate> untilDayProperty() { return untilDay; }
}
