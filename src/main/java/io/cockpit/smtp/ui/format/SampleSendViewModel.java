package io.cockpit.smtp.ui.format;

import io.cockpit.smtp.core.format.SampleEmail;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.mail.diagnosis.Cancellation;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisListener;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisService;
import io.cockpit.smtp.core.mail.diagnosis.EmailContent;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.core.validation.ValidationException;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Envoyer un exemple" on a Format des emails tab: sends the previewed report-notification email of that language,
 * as rendered with the sample values, to a test address through the saved gateway (active or not), so support sees
 * it in a real mail client. It goes through the same diagnosis as the gateway's test email, and is recorded likewise.
 */
public final class SampleSendViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SampleSendViewModel.class);

    /** GATEWAY_INCOMPLETE: the saved gateway lacks a server or a From address. */
    public enum State { IDLE, SENDING, SENT, FAILED, NO_PREVIEW, GATEWAY_INCOMPLETE }

    private final DiagnosisService diagnosis;
    private final GatewayService gateways;
    private final BackgroundRunner runner;
    private final Supplier<SampleEmail> preview;
    private final StringProperty recipient = new SimpleStringProperty(this, "recipient", "");
    private final ReadOnlyObjectWrapper<FieldProblem> recipientProblem = new ReadOnlyObjectWrapper<>(this, "recipientProblem");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<DiagnosisReport> report = new ReadOnlyObjectWrapper<>(this, "report");

    /** @param preview the tab's current preview (subject and body as the sample values render them) */
    public SampleSendViewModel(DiagnosisService diagnosis, GatewayService gateways, BackgroundRunner runner,
                               Supplier<SampleEmail> preview) {
        this.diagnosis = diagnosis;
        this.gateways = gateways;
        this.runner = runner;
        this.preview = preview;
        recipient.addListener((o, old, now) -> recipientProblem.set(null));
    }

    public void send() {
        if (state.get() == State.SENDING) {
            return;
        }
        String to = recipient.get() == null ? "" : recipient.get().trim();
        Optional<Problem> bad = Syntax.isBlank(to) ? Optional.of(Problem.REQUIRED) : Syntax.address(to);
        if (bad.isPresent()) {
            recipientProblem.set(FieldProblem.error("to", bad.get()));
            return;
        }
        SampleEmail mail = preview.get();
        if (mail == null) {
            state.set(State.NO_PREVIEW);
            return;
        }
        state.set(State.SENDING);
        report.set(null);
        EmailContent content = new EmailContent(mail.subject(), mail.body());
        runner.run(() -> diagnosis.test(gateways.loadPortal(), to, content, DiagnosisListener.NONE, new Cancellation()))
                .onSuccess(r -> {
                    report.set(r);
                    state.set(r.ok() ? State.SENT : State.FAILED);
                })
                .onError(e -> {
                    if (e instanceof ValidationException v) {
                        var toProblem = v.problems().stream().filter(p -> p.field().equals("to")).findFirst();
                        toProblem.ifPresent(recipientProblem::set);
                        state.set(toProblem.isPresent() ? State.FAILED : State.GATEWAY_INCOMPLETE);
                    } else {
                        LOG.warn("the sample could not be sent: {}", e.toString());
                        state.set(State.FAILED);
                    }
                })
                .start();
    }

    public StringProperty recipientProperty() { return recipient; }
    public ReadOnlyObjectProperty<FieldProblem> recipientProblemProperty() { return recipientProblem.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    /** The diagnosis of the last send: failing step, failure and hints, to say why in words. */
    public ReadOnlyObjectProperty<DiagnosisReport> reportProperty() { return report.getReadOnlyProperty(); }
}
