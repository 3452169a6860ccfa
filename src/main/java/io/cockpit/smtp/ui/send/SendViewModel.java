package io.cockpit.smtp.ui.send;

import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.NewMessage;
import io.cockpit.smtp.core.outbox.OutboxEvent;
import io.cockpit.smtp.core.outbox.OutboxMessage;
import io.cockpit.smtp.core.outbox.OutboxService;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.ValidationException;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.FxEvents;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Envoi manuel (Exploitation): an operator sends one message of a manual flow through the outbox, then watches its
 * status change as the engine sends it. The outbox validates; this screen shows its problems by field.
 */
public final class SendViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SendViewModel.class);

    /** The flows an operator may send by hand. */
    public static final List<Flow> MANUAL_FLOWS = List.of(Flow.TEST, Flow.USER_ACCESS, Flow.FEEDBACK, Flow.TICKET_EMAIL);
    public static final List<String> FIELDS = List.of("flow", "to", "lang", "subject", "body");

    /** One message sent from this screen, as last read from the outbox. */
    public record Sent(long id, Flow flow, List<String> to, OutboxStatus status, String lastError) {
    }

    private final OutboxService outbox;
    private final BackgroundRunner runner;

    private final ObjectProperty<Flow> flow = new SimpleObjectProperty<>(this, "flow", Flow.TEST);
    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private final StringProperty lang = new SimpleStringProperty(this, "lang", OutboxService.DEFAULT_LANG);
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final Map<String, ReadOnlyObjectWrapper<FieldProblem>> problems = new LinkedHashMap<>();
    private final ObservableList<Sent> sent = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");

    public SendViewModel(OutboxService outbox, BackgroundRunner runner, FxEvents events) {
        this.outbox = outbox;
        this.runner = runner;
        FIELDS.forEach(f -> problems.put(f, new ReadOnlyObjectWrapper<>(this, f)));
        flow.addListener(x -> problems.get("flow").set(null));
        to.addListener(x -> problems.get("to").set(null));
        lang.addListener(x -> problems.get("lang").set(null));
        subject.addListener(x -> problems.get("subject").set(null));
        body.addListener(x -> problems.get("body").set(null));
        outbox.events().subscribe(events.deliver(this::changed));
    }

    /** Validates and queues the message; empty subject and body mean the flow's built-in ones. */
    public void send() {
        if (busy.get()) {
            return;
        }
        List<String> recipients = Arrays.stream(to.get().split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        NewMessage m = new NewMessage(flow.get() == null ? null : flow.get().cliName(), recipients, lang.get(), null,
                blankToNull(subject.get()), blankToNull(body.get()), Map.of(), null);
        busy.set(true);
        failed.set(false);
        runner.run(() -> outbox.enqueue(m))
                .onSuccess(id -> sent.add(0, new Sent(id, flow.get(), recipients, OutboxStatus.QUEUED, null)))
                .onError(this::refused)
                .andFinally(() -> busy.set(false));
    }

    private void refused(Throwable e) {
        if (e instanceof ValidationException v) {
            for (FieldProblem p : v.problems()) {
                Optional.ofNullable(problems.get(p.field())).ifPresent(w -> w.set(p));
            }
        } else {
            LOG.warn("the message could not be queued: {}", e.toString());
            failed.set(true);
        }
    }

    /** An outbox change that concerns one of ours: read those rows again, off the FX thread. */
    private void changed(OutboxEvent e) {
        if (e.type() != OutboxEvent.Type.MESSAGES_CHANGED) {
            return;
        }
        List<Long> ours = e.ids().stream().filter(id -> sent.stream().anyMatch(s -> s.id() == id)).toList();
        if (ours.isEmpty()) {
            return;
        }
        runner.run(() -> ours.stream().map(outbox::find).flatMap(Optional::stream).toList())
                .onSuccess(this::update)
                .onError(x -> LOG.warn("outbox status could not be read: {}", x.toString()))
                .start();
    }

    private void update(List<OutboxMessage> fresh) {
        for (OutboxMessage m : fresh) {
            for (int i = 0; i < sent.size(); i++) {
                if (sent.get(i).id() == m.id()) {
                    sent.set(i, new Sent(m.id(), m.flow(), m.to(), m.status(), m.lastError()));
                }
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public ObjectProperty<Flow> flowProperty() { return flow; }
    public StringProperty toProperty() { return to; }
    public StringProperty langProperty() { return lang; }
    public StringProperty subjectProperty() { return subject; }
    public StringProperty bodyProperty() { return body; }
    public ObservableList<Sent> sent() { return sent; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** True when queuing failed for another reason than a field (the store). */
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<FieldProblem> problemProperty(String field) {
        return problems.get(field).getReadOnlyProperty();
    }
}
