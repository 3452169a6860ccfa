package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.access.Access;
import io.cockpit.smtp.core.access.Operation;
import io.cockpit.smtp.core.engine.EngineInfo;
import io.cockpit.smtp.core.engine.EngineMessageCounts;
import io.cockpit.smtp.core.engine.EngineRegistryRepository;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.GatewayService;
import io.cockpit.smtp.core.mail.HeaderText;
import io.cockpit.smtp.core.mail.MailDraft;
import io.cockpit.smtp.core.mail.MimeMessages;
import io.cockpit.smtp.core.mail.WireAddress;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.core.validation.ValidationException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The outbox as the screens and commands see it: validating and storing messages (durably, before the id is returned),
 * listing, retrying and purging. Sending is the {@link SenderService}'s.
 */
public final class OutboxService {
    public static final String DEFAULT_LANG = "fr";
    public static final int MAX_RECIPIENTS = 100;
    /** The most messages one page of a search holds. */
    public static final int MAX_PAGE = 10_000;
    /** The sizes of the columns the message is stored in (outbox_message.subject, outbox_content's texts). */
    static final int SUBJECT_COLUMN = 2000;
    static final int CONTENT_COLUMN = 1_000_000;
    private static final Pattern VAR_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OutboxRepository repository;
    private final EngineRegistryRepository engines;
    private final GatewayService gateways;
    private final OutboxEvents events;
    private final Clock clock;
    private final Access access;
    private volatile Supplier<PortalLinks> links = () -> PortalLinks.PLACEHOLDER;
    private volatile ReportSubjects reportSubjects = ReportSubjects.BUILT_IN;

    /** @param access whether the caller's role may send, retry or purge (reading is for every role) */
    public OutboxService(OutboxRepository repository, EngineRegistryRepository engines, GatewayService gateways,
                         OutboxEvents events, Clock clock, Access access) {
        this.repository = repository;
        this.engines = engines;
        this.gateways = gateways;
        this.events = events;
        this.clock = clock;
        this.access = access;
        // Other processes' changes reach a watching process's screens where the store tells of them (PostgreSQL).
        events.whenWatched(() -> repository.onNotice(n -> events.publish(n.status() != null
                ? OutboxEvent.changed(n.ids(), n.status()) : OutboxEvent.changed(List.of(), OutboxStatus.QUEUED))));
    }

    /** Wires the Email-format feature's portal URLs (read at each enqueue, so a change applies at once). */
    public void usePortalLinks(Supplier<PortalLinks> links) {
        this.links = links;
    }

    /** Wires the Email-format feature's report-notification subject templates. */
    public void useReportSubjects(ReportSubjects subjects) {
        this.reportSubjects = subjects;
    }

    public OutboxEvents events() {
        return events;
    }

    /** Validates and stores one message; returns its id once committed. */
    public long enqueue(NewMessage message) throws ValidationException {
        return enqueueAll(List.of(message)).get(0);
    }

    /**
     * Validates every message first, then stores them all in one transaction or none. With several messages, each
     * problem's field is prefixed by "line N: " (N from 1).
     */
    public List<Long> enqueueAll(List<NewMessage> messages) throws ValidationException {
        return enqueueAll(messages, i -> messages.size() == 1 ? "" : "line " + (i + 1) + ": ");
    }

    /**
     * As {@link #enqueueAll(List)}, each problem's field prefixed by {@code label.apply(index)} (such as the line
     * number in a batch file).
     */
    public List<Long> enqueueAll(List<NewMessage> messages, IntFunction<String> label) throws ValidationException {
        access.require(Operation.SEND);
        List<FieldProblem> problems = new ArrayList<>();
        List<PreparedMessage> prepared = prepareAll(messages, label, problems);
        ValidationException.throwIfErrors(problems);
        List<Long> ids = repository.insert(prepared, clock.instant());
        events.publish(OutboxEvent.changed(ids, OutboxStatus.QUEUED));
        return ids;
    }

    /** Checks messages without storing them; returns every problem. */
    public List<FieldProblem> checkAll(List<NewMessage> messages, IntFunction<String> label) {
        List<FieldProblem> problems = new ArrayList<>();
        prepareAll(messages, label, problems);
        return problems;
    }

    private List<PreparedMessage> prepareAll(List<NewMessage> messages, IntFunction<String> label, List<FieldProblem> problems) {
        Context ctx = context();
        List<PreparedMessage> prepared = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            prepare(messages.get(i), ctx, label.apply(i), problems).ifPresent(prepared::add);
        }
        return prepared;
    }

    private record Context(List<String> engineNames, String defaultEngine, String idDomain, PortalLinks links) {
    }

    private Context context() {
        GatewayConfig portal = gateways.loadPortal();
        List<String> names = engines.list().stream().map(EngineInfo::name).toList();
        return new Context(names, portal.engine(), idDomain(portal), links.get());
    }

    /** Checks one message; adds its problems and returns it ready to store when it has none. */
    private Optional<PreparedMessage> prepare(NewMessage m, Context ctx, String prefix, List<FieldProblem> problems) {
        int before = problems.size();
        Flow flow = null;
        if (Syntax.isBlank(m.flow())) {
            problems.add(FieldProblem.error(prefix + "flow", Problem.REQUIRED));
        } else {
            flow = Flow.fromCli(m.flow()).orElse(null);
            if (flow == null) {
                problems.add(FieldProblem.error(prefix + "flow", Problem.CHOICE_INVALID));
            }
        }
        List<String> to = new ArrayList<>();
        if (m.to().isEmpty()) {
            problems.add(FieldProblem.error(prefix + "to", Problem.REQUIRED));
        } else if (m.to().size() > MAX_RECIPIENTS) {
            problems.add(FieldProblem.error(prefix + "to", Problem.TOO_MANY));
        }
        for (String a : m.to()) {
            Optional<Problem> p = a == null ? Optional.of(Problem.REQUIRED) : Syntax.address(a);
            if (p.isPresent()) {
                problems.add(FieldProblem.error(prefix + "to", p.get()));
            } else {
                to.add(a.trim());
            }
        }
        String lang = Syntax.isBlank(m.lang()) ? DEFAULT_LANG : m.lang().trim();
        Syntax.language(lang).ifPresent(p -> problems.add(FieldProblem.error(prefix + "lang", p)));
        Audience audience = Audience.USER;
        if (m.audience() != null) {
            audience = Audience.fromCli(m.audience()).orElse(null);
            if (audience == null) {
                problems.add(FieldProblem.error(prefix + "audience", Problem.CHOICE_INVALID));
            }
        }
        if (m.subject() != null) {
            if (flow != null && flow.subjectFromTemplate()) {
                problems.add(FieldProblem.error(prefix + "subject", Problem.SUBJECT_FROM_TEMPLATE));
            } else if (m.subject().length() > 900) {
                problems.add(FieldProblem.error(prefix + "subject", Problem.TOO_LONG));
            } else if (HeaderText.oneLine(m.subject()).isEmpty()) {
                problems.add(FieldProblem.error(prefix + "subject", Problem.REQUIRED));
            }
        }
        if (m.body() != null && m.body().length() > CONTENT_COLUMN) {
            problems.add(FieldProblem.error(prefix + "body", Problem.TOO_LONG));
        }
        if (m.vars().size() > 100) {
            problems.add(FieldProblem.error(prefix + "var", Problem.TOO_MANY));
        }
        for (Map.Entry<String, String> v : m.vars().entrySet()) {
            if (v.getKey() == null || !VAR_NAME.matcher(v.getKey()).matches() || v.getValue() == null) {
                problems.add(FieldProblem.error(prefix + "var", Problem.VARIABLE_INVALID));
            } else if (v.getValue().length() > 10_000) {
                problems.add(FieldProblem.error(prefix + "var", Problem.TOO_LONG));
            }
        }
        String engine = Syntax.isBlank(m.engine()) ? ctx.defaultEngine() : m.engine().trim();
        if (!ctx.engineNames().contains(engine)) {
            problems.add(FieldProblem.error(prefix + "engine", Problem.ENGINE_UNKNOWN));
        } else if (flow != null && flow.portal() && !engine.equals(ctx.defaultEngine())) {
            // The portal's mail leaves through the engine chosen in the gateway's Moteur, whatever the caller says.
            problems.add(FieldProblem.error(prefix + "engine", Problem.ENGINE_NOT_FOR_FLOW));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        BuiltInContent.Content builtIn = BuiltInContent.content(flow, lang, m.vars(), ctx.links().url(audience));
        String subject;
        if (flow.subjectFromTemplate()) {
            subject = HeaderText.oneLine(reportSubjects.subject(lang, m.vars()));
            if (subject.isEmpty()) {
                subject = builtIn.subject();
            }
        } else {
            subject = m.subject() != null ? HeaderText.oneLine(m.subject()) : builtIn.subject();
        }
        String body = m.body() != null ? m.body() : builtIn.text();
        String html = m.body() != null ? null : builtIn.html();
        // What the variables make can outgrow its column even when each value is within its limit.
        String subjectSource = m.subject() != null ? "subject" : "var";
        if (subject.length() > SUBJECT_COLUMN) {
            problems.add(FieldProblem.error(prefix + subjectSource, Problem.TOO_LONG));
        }
        if (body.length() > CONTENT_COLUMN || (html != null && html.length() > CONTENT_COLUMN)
                || (!m.vars().isEmpty() && OutboxRowRepository.json(m.vars()).length() > CONTENT_COLUMN)) {
            problems.add(FieldProblem.error(prefix + (m.body() != null ? "body" : "var"), Problem.TOO_LONG));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new PreparedMessage(flow, lang, audience, to, subject, body, html, m.vars(),
                newMessageId(ctx.idDomain()), engine));
    }

    /** For the CLI and screens that check messages without storing them. */
    public List<FieldProblem> check(NewMessage m) {
        List<FieldProblem> problems = new ArrayList<>();
        prepare(m, context(), "", problems);
        return problems;
    }

    static String newMessageId(String domain) {
        byte[] r = new byte[12];
        RANDOM.nextBytes(r);
        return "<" + Long.toString(System.currentTimeMillis(), 36) + "." + HexFormat.of().formatHex(r) + "@" + domain + ">";
    }

    /** The From address's domain (in ASCII), else this host's name, else a reserved name. */
    static String idDomain(GatewayConfig portal) {
        if (portal.from() != null) {
            int at = portal.from().lastIndexOf('@');
            // An internationalised domain in its ASCII form, as the From address goes out.
            String d = at < 0 ? "" : WireAddress.host(portal.from().substring(at + 1)).toLowerCase(Locale.ROOT);
            if (d.matches("[a-z0-9.\\-]{1,120}") && d.contains(".")) {
                return d;
            }
        }
        try {
            String h = InetAddress.getLocalHost().getCanonicalHostName().toLowerCase(Locale.ROOT);
            if (h.matches("[a-z0-9.\\-]{1,120}") && h.contains(".")) {
                return h;
            }
        } catch (Exception e) {
            // no usable host name: fall through to the reserved one
        }
        return "cockpit-smtp.invalid";
    }

    /**
     * Records in the history a message sent directly rather than through the queue (the gateway's test email), with
     * its outcome. It is stored sent or failed, never queued, so no engine sends it again.
     *
     * @param messageId the Message-ID it was sent with; null when it never got that far (one is made up)
     */
    public long recordDirect(Flow flow, String to, String subject, String body, String messageId, boolean accepted,
                             String reply) {
        GatewayConfig portal = gateways.loadPortal();
        String id = messageId == null ? newMessageId(idDomain(portal)) : messageId;
        PreparedMessage m = new PreparedMessage(flow, DEFAULT_LANG, Audience.USER, List.of(to),
                HeaderText.oneLine(subject), body, null, Map.of(), id, portal.engine());
        long row = repository.insertFinished(m, accepted, reply, clock.instant());
        events.publish(OutboxEvent.changed(List.of(row), accepted ? OutboxStatus.SENT : OutboxStatus.FAILED));
        return row;
    }

    public Optional<OutboxMessage> find(long id) {
        return repository.find(id);
    }

    public List<OutboxMessage> list(OutboxStatus status, Flow flow, int limit) {
        return repository.list(status, flow, limit);
    }

    /**
     * One page of the messages {@code q} selects, newest first, searched in the store; the next page is
     * {@code q.after(page.next())}.
     *
     * @throws IllegalArgumentException the page size is not from 1 to {@link #MAX_PAGE}
     */
    public OutboxPage search(OutboxQuery q) {
        if (q.limit() < 1 || q.limit() > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " messages, not " + q.limit());
        }
        return repository.search(q);
    }

    public OutboxCounts counts(Duration failedWithin) {
        return repository.counts(clock.instant().minus(failedWithin));
    }

    /** Per engine, its queued, in-hand, deferred and failed messages (engines with none are absent). */
    public Map<String, EngineMessageCounts> countsByEngine() {
        Map<String, EngineMessageCounts> out = new java.util.LinkedHashMap<>();
        repository.countsByEngine().forEach((engine, n) -> out.put(engine, new EngineMessageCounts(n[0], n[1], n[2], n[3])));
        return out;
    }

    /** The headers the message has (or would have) with the gateway it leaves through, as they go on the wire. */
    public List<String> headerLines(OutboxMessage m) {
        try {
            return MimeMessages.headerLines(draft(m));
        } catch (Exception e) {
            return List.of("(cannot build the message: " + e.getMessage() + ")");
        }
    }

    /** The whole message source as it goes on the wire. */
    public String source(OutboxMessage m) {
        try {
            return MimeMessages.source(draft(m));
        } catch (Exception e) {
            return "(cannot build the message: " + e.getMessage() + ")";
        }
    }

    private MailDraft draft(OutboxMessage m) {
        GatewayConfig g = gatewayFor(m.engine());
        GatewayConfig shown = g.from() == null ? g.toBuilder().from("unset@invalid.invalid").build() : g;
        return Drafts.of(m, shown, m.sentAt() != null ? m.sentAt() : clock.instant());
    }

    /** The gateway an engine sends with: its specific one, or the portal's. */
    public GatewayConfig gatewayFor(String engine) {
        Optional<EngineInfo> info = engines.find(engine);
        if (info.isPresent() && info.get().specificGateway()) {
            return gateways.load(engine);
        }
        return gateways.loadPortal();
    }

    /** Makes one message due now (deferred or failed); returns how many changed. */
    public int retry(long id) {
        access.require(Operation.OUTBOX_RETRY);
        int n = repository.retry(List.of(id), null, clock.instant());
        events.publish(OutboxEvent.changed(List.of(id), OutboxStatus.QUEUED));
        return n;
    }

    /** Makes every message of {@code status} (deferred or failed) due now. */
    public int retryAll(OutboxStatus status) {
        access.require(Operation.OUTBOX_RETRY);
        int n = repository.retry(null, status, clock.instant());
        events.publish(OutboxEvent.changed(List.of(), OutboxStatus.QUEUED));
        return n;
    }

    /** Deletes sent or failed messages older than {@code olderThan} (null: all). */
    public int purge(OutboxStatus status, Duration olderThan) {
        access.require(Operation.OUTBOX_PURGE);
        int n = repository.purge(status, olderThan == null ? null : clock.instant().minus(olderThan));
        events.publish(OutboxEvent.changed(List.of(), status));
        return n;
    }
}
