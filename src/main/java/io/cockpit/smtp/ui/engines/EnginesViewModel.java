package io.cockpit.smtp.ui.engines;

import io.cockpit.smtp.core.engine.EngineInfo;
import io.cockpit.smtp.core.engine.EngineOverview;
import io.cockpit.smtp.core.engine.EngineRegistry;
import io.cockpit.smtp.core.outbox.OutboxEvents;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.core.validation.ValidationException;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.FoldedReload;
import io.cockpit.smtp.ui.common.FxEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Moteurs screen: the engines with their state and their messages, read again every few seconds and after each
 * outbox event (other processes send and beat without telling this one); the selected engine and the gateway it
 * sends with, portal's or its own; "Ajouter un moteur distant" with its name checked as the core checks it.
 */
public final class EnginesViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(EnginesViewModel.class);
    /** A heartbeat every 5 s and offline after 20 s: a look every 3 s shows each change within one beat or so. */
    public static final Duration REFRESH_EVERY = Duration.ofSeconds(3);

    /** What the last command did, for the screen's notice. */
    public enum Notice { NONE, ADDED, GATEWAY_SAVED, FAILED }

    private final EngineRegistry registry;
    private final BackgroundRunner runner;
    private final FoldedReload<List<EngineRow>> reload;

    private final ObservableList<EngineRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selectedName = new ReadOnlyStringWrapper(this, "selectedName");
    private final ReadOnlyObjectWrapper<EngineRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper specificGateway = new ReadOnlyBooleanWrapper(this, "specificGateway");
    private final ReadOnlyBooleanWrapper unreadable = new ReadOnlyBooleanWrapper(this, "unreadable");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice", Notice.NONE);
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final ReadOnlyObjectWrapper<FieldProblem> newNameProblem = new ReadOnlyObjectWrapper<>(this, "newNameProblem");
    private final ReadOnlyBooleanWrapper adding = new ReadOnlyBooleanWrapper(this, "adding");
    private final BooleanBinding canAdd = Bindings.createBooleanBinding(
            () -> !adding.get() && newNameProblem.get() == null && !Syntax.isBlank(newName.get()),
            adding, newNameProblem, newName);
    /** A change of gateway being saved: a refresh read before it was saved must not put the old choice back. */
    private int gatewayChanges;

    public EnginesViewModel(EngineOverview overview, EngineRegistry registry, OutboxEvents outboxEvents,
                            BackgroundRunner runner, FxEvents events, Clock clock) {
        this.registry = registry;
        this.runner = runner;
        this.reload = new FoldedReload<>(runner, () -> () -> {
            Instant now = clock.instant();
            return overview.list().stream().map(s -> EngineRow.of(s, now)).toList();
        }, this::show, this::readFailed);
        newName.addListener((o, old, now) -> newNameProblem.set(nameProblem(now)));
        // The console's own engine sends without a heartbeat's delay: its counts follow each message.
        outboxEvents.subscribe(events.deliver(e -> refresh()));
    }

    // --- commands ---

    /** Reads the engines again in the background; calls while one runs are folded into one more run. */
    public void refresh() {
        reload.request();
    }

    /** Shows this engine's details (null: none). */
    public void select(String name) {
        selectedName.set(name);
        EngineRow row = find(name).orElse(null);
        selected.set(row);
        if (gatewayChanges == 0) {
            specificGateway.set(row != null && row.specificGateway());
        }
    }

    /**
     * The selected engine sends with its own gateway ({@code true}) or the portal's, from now on; saved at once, as
     * {@code engine set --gateway} does. Nothing happens when it already does.
     */
    public void useSpecificGateway(boolean specific) {
        String engine = selectedName.get();
        if (engine == null || specificGateway.get() == specific) {
            return;
        }
        specificGateway.set(specific);
        gatewayChanges++;
        notice.set(Notice.NONE);
        runner.run(() -> {
                    registry.setGatewayMode(engine, specific ? EngineInfo.SPECIFIC : EngineInfo.PORTAL);
                    return specific;
                })
                .onSuccess(done -> notice.set(Notice.GATEWAY_SAVED))
                .onError(e -> {
                    LOG.warn("the gateway of engine {} could not be changed: {}", engine, e.toString());
                    notice.set(Notice.FAILED);
                })
                .andFinally(() -> {
                    gatewayChanges--;
                    refresh();
                });
    }

    /** Registers the engine named in {@link #newNameProperty()} as a remote one, then selects it. */
    public void add() {
        String name = newName.get() == null ? "" : newName.get().trim();
        FieldProblem problem = Syntax.isBlank(name) ? FieldProblem.error("name", Problem.REQUIRED) : nameProblem(name);
        if (problem != null) {
            newNameProblem.set(problem);
            return;
        }
        adding.set(true);
        notice.set(Notice.NONE);
        runner.run(() -> {
                    registry.add(name, true);
                    return name;
                })
                .onSuccess(added -> {
                    newName.set("");
                    notice.set(Notice.ADDED);
                    selectedName.set(added);
                    refresh();
                })
                .onError(e -> {
                    if (e instanceof ValidationException v && !v.problems().isEmpty()) {
                        newNameProblem.set(v.problems().get(0));
                    } else {
                        LOG.warn("engine {} could not be added: {}", name, e.toString());
                        notice.set(Notice.FAILED);
                    }
                })
                .andFinally(() -> adding.set(false));
    }

    // --- state ---

    private void show(List<EngineRow> fresh) {
        unreadable.set(false);
        rows.setAll(fresh);
        if (selectedName.get() == null && !fresh.isEmpty()) {
            selectedName.set(fresh.get(0).name());
        }
        select(selectedName.get());
        if (!Syntax.isBlank(newName.get())) {
            newNameProblem.set(nameProblem(newName.get()));
        }
    }

    private Optional<EngineRow> find(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The core's rule, and a name already in the list; a blank name is no error until Add. */
    private FieldProblem nameProblem(String typed) {
        if (Syntax.isBlank(typed)) {
            return null;
        }
        String name = typed.trim();
        Optional<Problem> bad = EngineRegistry.nameProblem(name);
        if (bad.isEmpty() && find(name).isPresent()) {
            bad = Optional.of(Problem.ENGINE_EXISTS);
        }
        return bad.map(p -> FieldProblem.error("name", p)).orElse(null);
    }

    /** Whether the engine runs now, as the last reading says: what its test panel tells before it is run. */
    public BooleanBinding online(String name) {
        return Bindings.createBooleanBinding(() -> find(name).map(EngineRow::online).orElse(false), rows);
    }

    /** The reading failed (the store does not answer): the rows stay as they were, marked as old. */
    private void readFailed(Throwable e) {
        LOG.warn("the engines could not be read: {}", e.toString());
        unreadable.set(true);
    }

    public ObservableList<EngineRow> rows() { return rows; }
    public ReadOnlyStringProperty selectedNameProperty() { return selectedName.getReadOnlyProperty(); }
    /** The selected engine as last read; null while none is selected or before the first reading. */
    public ReadOnlyObjectProperty<EngineRow> selectedProperty() { return selected.getReadOnlyProperty(); }
    /** The selected engine sends with its own gateway (as chosen on the screen, even while being saved). */
    public ReadOnlyBooleanProperty specificGatewayProperty() { return specificGateway.getReadOnlyProperty(); }
    /** The last reading failed: what the table shows may be old. */
    public ReadOnlyBooleanProperty unreadableProperty() { return unreadable.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public StringProperty newNameProperty() { return newName; }
    public ReadOnlyObjectProperty<FieldProblem> newNameProblemProperty() { return newNameProblem.getReadOnlyProperty(); }
    public BooleanBinding canAddProperty() { return canAdd; }
}
