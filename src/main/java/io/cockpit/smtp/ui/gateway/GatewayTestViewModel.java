package io.cockpit.smtp.ui.gateway;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.gateway.TrustedCertificates;
import io.cockpit.smtp.core.mail.diagnosis.Cancellation;
import io.cockpit.smtp.core.mail.diagnosis.CertificateInfo;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisListener;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisService;
import io.cockpit.smtp.core.mail.diagnosis.Hint;
import io.cockpit.smtp.core.mail.diagnosis.Step;
import io.cockpit.smtp.core.mail.diagnosis.StepResult;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.core.validation.ValidationException;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.FxEvents;
import java.util.List;
import java.util.function.Consumer;
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
 * "Tester la connexion" and "Envoyer un email de test" on the gateway form: runs the core diagnosis on the values on
 * the screen (saved or not, active or not), shows the steps as they run, cancels for real, then keeps the report,
 * the hints and the masked transcript. "Faire confiance à ce certificat" pins the refused certificate into the form's
 * edit buffer, saved with the rest.
 */
public final class GatewayTestViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayTestViewModel.class);

    public enum State { IDLE, RUNNING, PASSED, FAILED, CANCELLED, INVALID }

    /** A step in the list: running (no outcome yet) or finished. */
    public record StepRow(Step step, boolean running, StepResult result) {
    }

    private final DiagnosisService diagnosis;
    private final GatewayService gateways;
    private final BackgroundRunner runner;
    private final FxEvents events;
    private final GatewayViewModel form;
    private final java.util.concurrent.Callable<String> lastRecipient;

    private final StringProperty recipient = new SimpleStringProperty(this, "recipient", "");
    private final ReadOnlyObjectWrapper<FieldProblem> recipientProblem = new ReadOnlyObjectWrapper<>(this, "recipientProblem");
    private final StepRows steps = new StepRows();
    private final ObservableList<Hint> hints = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<DiagnosisReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper transcript = new ReadOnlyStringWrapper(this, "transcript", "");
    private final ReadOnlyObjectWrapper<CertificateInfo> untrusted = new ReadOnlyObjectWrapper<>(this, "untrusted");
    private final ReadOnlyBooleanWrapper certificatePinned = new ReadOnlyBooleanWrapper(this, "certificatePinned");
    private final ReadOnlyObjectWrapper<List<FieldProblem>> invalid = new ReadOnlyObjectWrapper<>(this, "invalid", List.of());
    private final BooleanBinding running = state.isEqualTo(State.RUNNING);
    private final BooleanBinding canRun = Bindings.createBooleanBinding(() -> state.get() != State.RUNNING, state);

    private Cancellation cancellation;

    /**
     * @param lastRecipient the recipient of the last test email (the outbox history remembers it), null when none;
     *                      asked off the FX thread
     */
    public GatewayTestViewModel(DiagnosisService diagnosis, GatewayService gateways, BackgroundRunner runner,
                                FxEvents events, GatewayViewModel form, java.util.concurrent.Callable<String> lastRecipient) {
        this.diagnosis = diagnosis;
        this.gateways = gateways;
        this.runner = runner;
        this.events = events;
        this.form = form;
        this.lastRecipient = lastRecipient;
        recipient.addListener((o, old, now) -> recipientProblem.set(null));
    }

    /** Fills the recipient with the last test email's, unless the user already typed one. */
    public void recallRecipient() {
        if (!Syntax.isBlank(recipient.get())) {
            return;
        }
        runner.run(lastRecipient)
                .onSuccess(last -> {
                    if (last != null && Syntax.isBlank(recipient.get())) {
                        recipient.set(last);
                    }
                })
                .onError(e -> LOG.warn("the last test recipient could not be read: {}", e.toString()))
                .start();
    }

    // --- commands ---

    /** Connect, secure, authenticate with the values on the screen; send nothing. */
    public void check() {
        start(null);
    }

    /** Everything {@link #check()} does, then one test email to the recipient. */
    public void sendTest() {
        String to = recipient.get() == null ? "" : recipient.get().trim();
        var bad = Syntax.isBlank(to) ? java.util.Optional.of(Problem.REQUIRED) : Syntax.address(to);
        if (bad.isPresent()) {
            recipientProblem.set(FieldProblem.error("to", bad.get()));
            return;
        }
        start(to);
    }

    /** Stops the attempt at once: its sockets are closed and its thread interrupted. */
    public void cancel() {
        Cancellation c = cancellation;
        if (c != null) {
            c.cancel();
        }
    }

    /** The part of the form a hint points to, for its button; null when it points nowhere. */
    public static FormPart partFor(Hint hint) {
        return switch (hint) {
            case SMTP_AUTH_DISABLED -> FormPart.GRAPH;
            case BASIC_AUTH_DISABLED, GOOGLE_NEEDS_OAUTH -> FormPart.OAUTH;
            default -> null;
        };
    }

    /** The hint's button: the form switches to what it advises (OAuth 2.0, or Graph) and shows that part. */
    public void follow(Hint hint) {
        FormPart part = partFor(hint);
        if (part == FormPart.GRAPH) {
            form.useGraph();
        } else if (part == FormPart.OAUTH) {
            form.useOAuth();
        }
    }

    /** Pins the certificate the server presented into the form's edit buffer (saved with the form). */
    public void trustCertificate() {
        CertificateInfo c = untrusted.get();
        if (c == null) {
            return;
        }
        try {
            TrustedCertificates.fromPem(c.pem()).forEach(form::trustCertificate);
            certificatePinned.set(true);
        } catch (ValidationException e) {
            LOG.warn("the presented certificate could not be read back: {}", e.getMessage());
        }
    }

    private void start(String to) {
        if (state.get() == State.RUNNING) {
            return;
        }
        GatewayViewModel.Draft draft = form.draft();
        clear();
        if (draft == null) {
            state.set(State.INVALID);
            return;
        }
        Cancellation c = new Cancellation();
        cancellation = c;
        state.set(State.RUNNING);
        DiagnosisListener listener = listener();
        runner.run(() -> {
                    // A password typed but not saved is sealed here, off the FX thread, as the form's save does.
                    GatewayConfig g = draft.sealed(gateways);
                    return to == null ? diagnosis.check(g, listener, c) : diagnosis.test(g, to, listener, c);
                })
                .onSuccess(this::show)
                .onError(this::failed)
                .andFinally(() -> {
                    if (cancellation == c) {
                        cancellation = null;
                    }
                });
    }

    /** Core calls it on the diagnosis thread; the rows change on the FX thread. */
    private DiagnosisListener listener() {
        Consumer<Step> started = events.deliver(steps::started);
        Consumer<StepResult> finished = events.deliver(steps::finished);
        return new DiagnosisListener() {
            @Override
            public void stepStarted(Step step) {
                started.accept(step);
            }

            @Override
            public void stepFinished(StepResult result) {
                finished.accept(result);
            }
        };
    }

    private void show(DiagnosisReport r) {
        report.set(r);
        steps.show(r);
        hints.setAll(r.hints());
        transcript.set(String.join("\n", r.transcript()));
        untrusted.set(r.untrustedCertificate());
        state.set(r.ok() ? State.PASSED
                : r.failure() == io.cockpit.smtp.core.mail.diagnosis.Failure.CANCELLED ? State.CANCELLED : State.FAILED);
    }

    private void failed(Throwable e) {
        if (e instanceof ValidationException v) {
            invalid.set(v.problems());
            v.problems().stream().filter(p -> p.field().equals("to")).findFirst().ifPresent(recipientProblem::set);
            state.set(State.INVALID);
        } else {
            LOG.warn("gateway test failed to run: {}", e.toString());
            steps.dropRunning();
            state.set(State.FAILED);
        }
    }

    private void clear() {
        steps.clear();
        hints.clear();
        report.set(null);
        transcript.set("");
        untrusted.set(null);
        certificatePinned.set(false);
        invalid.set(List.of());
    }

    // --- properties ---

    public StringProperty recipientProperty() { return recipient; }
    public ReadOnlyObjectProperty<FieldProblem> recipientProblemProperty() { return recipientProblem.getReadOnlyProperty(); }
    public ObservableList<StepRow> steps() { return steps.list(); }
    public ObservableList<Hint> hints() { return hints; }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<DiagnosisReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyStringProperty transcriptProperty() { return transcript.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CertificateInfo> untrustedProperty() { return untrusted.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty certificatePinnedProperty() { return certificatePinned.getReadOnlyProperty(); }
    /** The form's problems when the core refused the values (such as no server). */
    public ReadOnlyObjectProperty<List<FieldProblem>> invalidProperty() { return invalid.getReadOnlyProperty(); }
    public BooleanBinding runningProperty() { return running; }
    public BooleanBinding canRunProperty() { return canRun; }
}
