package io.cockpit.smtp.ui.engines;

import io.cockpit.smtp.core.engine.diagnosis.RemoteDiagnosis;
import io.cockpit.smtp.core.engine.diagnosis.RemoteDiagnosisListener;
import io.cockpit.smtp.core.engine.diagnosis.RemoteDiagnosisResult;
import io.cockpit.smtp.core.mail.diagnosis.Cancellation;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.mail.diagnosis.Failure;
import io.cockpit.smtp.core.mail.diagnosis.Hint;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.core.mail.diagnosis.StepResult;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.core.validation.ValidationException;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.FxEvents;
import io.cockpit.smtp.ui.gateway.GatewayTestViewModel.StepRow;
import io.cockpit.smtp.ui.gateway.StepRows;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Tester depuis le moteur": asks one engine, through the store, to check its gateway (or send a test email) from its
 * own machine, and shows its steps and its transcript lines as the engine writes them; Cancel stops it there. The
 * engine tests the gateway it sends with as saved, not the values of a form being edited.
 */
public final class EngineTestViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(EngineTestViewModel.class);

    public enum State {
        IDLE,
        /** Asked; no engine took it yet. */
        WAITING,
        /** The engine runs it. */
        RUNNING,
        PASSED,
        FAILED,
        CANCELLED,
        /** The engine did not run it, or did not finish it: offline, busy, lost or too slow (see the result). */
        UNANSWERED,
        /** Nothing was tried: the recipient, or the engine's gateway (no server, no From address), is not usable. */
        INVALID,
        /** The request could not be made or followed (the store did not answer). */
        ERROR
    }

    private final RemoteDiagnosis remote;
    private final BackgroundRunner runner;
    private final FxEvents events;
    private final String engine;

    private final StringProperty recipient = new SimpleStringProperty(this, "recipient", "");
    private final ReadOnlyObjectWrapper<FieldProblem> recipientProblem = new ReadOnlyObjectWrapper<>(this, "recipientProblem");
    private final StepRows steps = new StepRows();
    private final ObservableList<Hint> hints = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper transcript = new ReadOnlyStringWrapper(this, "transcript", "");
    private final ReadOnlyStringWrapper host = new ReadOnlyStringWrapper(this, "host");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<RemoteDiagnosisResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<List<FieldProblem>> invalid = new ReadOnlyObjectWrapper<>(this, "invalid", List.of());
    private final BooleanBinding running = Bindings.createBooleanBinding(
            () -> state.get() == State.WAITING || state.get() == State.RUNNING, state);
    private final BooleanBinding offline;

    private Cancellation cancellation;

    /** @param online whether the engine runs now, as the screen last read it */
    public EngineTestViewModel(RemoteDiagnosis remote, BackgroundRunner runner, FxEvents events, String engine,
                               ObservableBooleanValue online) {
        this.remote = remote;
        this.runner = runner;
        this.events = events;
        this.engine = engine;
        this.offline = Bindings.createBooleanBinding(() -> !online.get(), online);
        recipient.addListener((o, old, now) -> recipientProblem.set(null));
    }

    // --- commands ---

    /** The engine connects, secures and authenticates with its gateway; it sends nothing. */
    public void check() {
        start(null);
    }

    /** Everything {@link #check()} does, then one test email to the recipient. */
    public void sendTest() {
        String to = recipient.get() == null ? "" : recipient.get().trim();
        Optional<Problem> bad = Syntax.isBlank(to) ? Optional.of(Problem.REQUIRED) : Syntax.address(to);
        if (bad.isPresent()) {
            recipientProblem.set(FieldProblem.error("to", bad.get()));
            return;
        }
        start(to);
    }

    /** Asks the engine to stop; the outcome comes once it did (or once the wait for it ends). */
    public void cancel() {
        Cancellation c = cancellation;
        if (c != null) {
            c.cancel();
        }
    }

    private void start(String to) {
        if (running.get()) {
            return;
        }
        clear();
        Cancellation c = new Cancellation();
        cancellation = c;
        state.set(State.WAITING);
        RemoteDiagnosisListener listener = listener();
        runner.run(() -> remote.run(engine, to, listener, c))
                .onSuccess(this::show)
                .onError(this::failed)
                .andFinally(() -> {
                    if (cancellation == c) {
                        cancellation = null;
                    }
                });
    }

    /** Core calls it on the requester's thread as it reads the engine's rows; the screen changes on the FX thread. */
    private RemoteDiagnosisListener listener() {
        Consumer<String> taken = events.deliver(h -> {
            host.set(h);
            if (state.get() == State.WAITING) {
                state.set(State.RUNNING);
            }
        });
        Consumer<Step> started = events.deliver(steps::started);
        Consumer<StepResult> finished = events.deliver(steps::finished);
        Consumer<String> line = events.deliver(l -> transcript.set(transcript.get().isEmpty() ? l : transcript.get() + "\n" + l));
        return new RemoteDiagnosisListener() {
            @Override
            public void taken(String h) {
                taken.accept(h);
            }

            @Override
            public void stepStarted(Step step) {
                started.accept(step);
            }

            @Override
            public void stepFinished(StepResult r) {
                finished.accept(r);
            }

            @Override
            public void transcriptLine(String l) {
                line.accept(l);
            }
        };
    }

    private void show(RemoteDiagnosisResult r) {
        result.set(r);
        if (r.host() != null) {
            host.set(r.host());
        }
        DiagnosisReport report = r.report();
        if (report != null) {
            steps.show(report);
            hints.setAll(report.hints());
            transcript.set(String.join("\n", report.transcript()));
        } else {
            steps.dropRunning();
        }
        state.set(switch (r.outcome()) {
            case DONE -> report == null ? State.ERROR : report.ok() ? State.PASSED
                    : report.failure() == Failure.CANCELLED ? State.CANCELLED : State.FAILED;
            case CANCELLED -> State.CANCELLED;
            case ENGINE_OFFLINE, NO_ANSWER, ENGINE_LOST, TIMED_OUT -> State.UNANSWERED;
        });
    }

    private void failed(Throwable e) {
        steps.dropRunning();
        if (e instanceof ValidationException v) {
            v.problems().stream().filter(p -> p.field().equals("to")).findFirst().ifPresent(recipientProblem::set);
            invalid.set(v.problems().stream().filter(p -> !p.field().equals("to")).toList());
            state.set(State.INVALID);
        } else {
            LOG.warn("the test of engine {} could not be run: {}", engine, e.toString());
            state.set(State.ERROR);
        }
    }

    private void clear() {
        steps.clear();
        hints.clear();
        transcript.set("");
        host.set(null);
        result.set(null);
        invalid.set(List.of());
    }

    // --- properties ---

    public String engine() { return engine; }
    public StringProperty recipientProperty() { return recipient; }
    public ReadOnlyObjectProperty<FieldProblem> recipientProblemProperty() { return recipientProblem.getReadOnlyProperty(); }
    public ObservableList<StepRow> steps() { return steps.list(); }
    public ObservableList<Hint> hints() { return hints; }
    /** The engine's transcript, line by line as it writes them (passwords masked by the engine). */
    public ReadOnlyStringProperty transcriptProperty() { return transcript.getReadOnlyProperty(); }
    /** The machine the engine runs the test from, once it took it; null before. */
    public ReadOnlyStringProperty hostProperty() { return host.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    /** How it ended: the report, or why the engine did not run it (with its last heartbeat); null before. */
    public ReadOnlyObjectProperty<RemoteDiagnosisResult> resultProperty() { return result.getReadOnlyProperty(); }
    /** Why the engine's gateway cannot be tried (no server, no From address), field by field. */
    public ReadOnlyObjectProperty<List<FieldProblem>> invalidProperty() { return invalid.getReadOnlyProperty(); }
    public BooleanBinding runningProperty() { return running; }
    /** The engine does not run now: nobody would take the request, and the wait for it would end in vain. */
    public BooleanBinding offlineProperty() { return offline; }
}
