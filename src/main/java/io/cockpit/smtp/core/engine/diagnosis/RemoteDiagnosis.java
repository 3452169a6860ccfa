package io.cockpit.smtp.core.engine.diagnosis;

import io.cockpit.smtp.core.engine.EngineInfo;
import io.cockpit.smtp.core.engine.EngineRegistry;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.mail.diagnosis.Cancellation;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.Syntax;
import io.cockpit.smtp.core.validation.ValidationException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * "Tester depuis le moteur": asks an engine, through the store, to run the step-by-step diagnosis from its own machine
 * with its own gateway, and follows it as it writes its steps and transcript lines. It is the only way to prove that a
 * remote engine reaches its SMTP server. Every wait ends: an engine that does not take the request within
 * {@link #PICKUP_TIMEOUT}, that goes offline while running it, or that runs longer than its gateway's timeouts allow
 * gives an outcome saying so. Runs on the caller's thread; cancel through the {@link Cancellation}.
 */
public final class RemoteDiagnosis {
    /** How long a request waits for its engine (which looks every second, sooner when the store notifies it). */
    public static final Duration PICKUP_TIMEOUT = Duration.ofSeconds(15);
    /** How long a cancelled run may take to stop before the requester stops waiting for it. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(5);
    /** How often the engine's heartbeat is looked at while it runs the diagnosis. */
    private static final Duration LIVENESS_EVERY = Duration.ofSeconds(2);

    private final DiagnosisRequestRepository requests;
    private final EngineRegistry registry;
    private final Function<String, GatewayConfig> gatewayFor;
    private final Clock clock;
    private volatile Duration poll = Duration.ofMillis(200);
    private volatile Duration pickupTimeout = PICKUP_TIMEOUT;

    /** @param gatewayFor the gateway an engine sends with: bounds how long its run may take */
    public RemoteDiagnosis(DiagnosisRequestRepository requests, EngineRegistry registry,
                           Function<String, GatewayConfig> gatewayFor, Clock clock) {
        this.requests = requests;
        this.registry = registry;
        this.gatewayFor = gatewayFor;
        this.clock = clock;
    }

    /**
     * Asks {@code engine} to check its gateway (connect, secure, authenticate), or with {@code to} to send a test email
     * too, from its machine, and waits for the outcome, telling {@code listener} each step and line as they come.
     *
     * @throws ValidationException the engine is unknown, the address is invalid, or the engine found its gateway cannot
     *                             be tried (no server, no From address): nothing was sent
     * @throws io.cockpit.smtp.core.access.NotPermittedException the caller's role may not test (support)
     */
    public RemoteDiagnosisResult run(String engine, String to, RemoteDiagnosisListener listener, Cancellation cancellation)
            throws ValidationException, InterruptedException {
        registry.requireMayTest();
        EngineInfo info = registry.find(engine).orElseThrow(() -> ValidationException.of("name", Problem.ENGINE_UNKNOWN));
        String recipient = null;
        if (to != null) {
            if (Syntax.isBlank(to)) {
                throw ValidationException.of("to", Problem.REQUIRED);
            }
            Optional<Problem> bad = Syntax.address(to.trim());
            if (bad.isPresent()) {
                throw ValidationException.of("to", bad.get());
            }
            recipient = to.trim();
        }
        long id = requests.request(info.name(), recipient, requester(), clock.instant());
        // Where the store tells of each step as it commits, the wait between looks ends at once; else it is the poll.
        Semaphore progress = new Semaphore(0);
        Runnable stop = requests.onProgress(id, progress::release);
        try {
            return follow(id, engine, listener, cancellation, progress);
        } finally {
            stop.run();
        }
    }

    private RemoteDiagnosisResult follow(long id, String engine, RemoteDiagnosisListener listener, Cancellation cancellation,
                                         Semaphore progress)
            throws ValidationException, InterruptedException {
        EventReplay replay = new EventReplay(listener);
        long asked = System.nanoTime();
        long cancelAskedAt = 0;
        long lastLiveness = 0;
        boolean told = false;
        while (true) {
            DiagnosisRequestRepository.Request r = requests.find(id).orElseThrow();
            if (!told && r.runner() != null) {
                told = true;
                listener.taken(hostOf(r.runner()));
            }
            // Read after the state: a finished run wrote all its events before it said so.
            replay.apply(requests.events(id, replay.seen()));
            switch (r.status()) {
                case DONE, CANCELLED, FAILED -> {
                    return finished(r);
                }
                case EXPIRED -> {
                    return notTaken(engine);
                }
                case RUNNING -> {
                    if (System.nanoTime() - lastLiveness > LIVENESS_EVERY.toNanos()) {
                        lastLiveness = System.nanoTime();
                        Optional<EngineInfo> now = registry.find(engine);
                        boolean alive = now.isPresent() && registry.online(now.get())
                                && r.runner().equals(now.get().holder());
                        if (!alive && requests.abandon(id, RequestStatus.CANCELLED, clock.instant())) {
                            return new RemoteDiagnosisResult(RemoteDiagnosisResult.Outcome.ENGINE_LOST, null,
                                    hostOf(r.runner()), now.map(EngineInfo::lastSeen).orElse(null));
                        }
                    }
                    if (r.startedAt() != null && clock.instant().isAfter(r.startedAt().plus(runBound(engine)))
                            && requests.abandon(id, RequestStatus.CANCELLED, clock.instant())) {
                        return new RemoteDiagnosisResult(RemoteDiagnosisResult.Outcome.TIMED_OUT, null,
                                hostOf(r.runner()), null);
                    }
                }
                case REQUESTED -> {
                    if (System.nanoTime() - asked > pickupTimeout.toNanos()
                            && requests.abandon(id, RequestStatus.EXPIRED, clock.instant())) {
                        return notTaken(engine);
                    }
                }
            }
            if (cancellation.isCancelled()) {
                if (cancelAskedAt == 0) {
                    cancelAskedAt = System.nanoTime();
                    requests.requestCancel(id);
                }
                if (r.status() == RequestStatus.REQUESTED || System.nanoTime() - cancelAskedAt > CANCEL_GRACE.toNanos()) {
                    if (requests.abandon(id, RequestStatus.CANCELLED, clock.instant())) {
                        return new RemoteDiagnosisResult(RemoteDiagnosisResult.Outcome.CANCELLED, null,
                                hostOf(r.runner()), null);
                    }
                }
            }
            if (progress.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS)) {
                progress.drainPermits();
            }
        }
    }

    private RemoteDiagnosisResult finished(DiagnosisRequestRepository.Request r) throws ValidationException {
        if (r.status() == RequestStatus.FAILED) {
            throw new ValidationException(DiagnosisCodec.problems(DiagnosisCodec.read(r.report())));
        }
        DiagnosisReport report = r.report() == null ? null : DiagnosisCodec.report(DiagnosisCodec.read(r.report()));
        RemoteDiagnosisResult.Outcome outcome = r.status() == RequestStatus.DONE ? RemoteDiagnosisResult.Outcome.DONE
                : RemoteDiagnosisResult.Outcome.CANCELLED;
        return new RemoteDiagnosisResult(outcome, report, hostOf(r.runner()), null);
    }

    private RemoteDiagnosisResult notTaken(String engine) {
        Optional<EngineInfo> e = registry.find(engine);
        boolean online = e.isPresent() && registry.online(e.get());
        return new RemoteDiagnosisResult(online ? RemoteDiagnosisResult.Outcome.NO_ANSWER
                : RemoteDiagnosisResult.Outcome.ENGINE_OFFLINE, null, e.map(EngineInfo::host).orElse(null),
                e.map(EngineInfo::lastSeen).orElse(null));
    }

    /** Room for every step at its slowest with the engine's gateway: name, connection, TLS, each SMTP command. */
    private Duration runBound(String engine) {
        GatewayConfig g = gatewayFor.apply(engine);
        return Duration.ofSeconds(30L + 4L * g.connectTimeoutSeconds() + 10L * g.readTimeoutSeconds());
    }

    /** A shorter wait for an engine to take a request, for tests. */
    void pickupTimeout(Duration d) {
        this.pickupTimeout = d;
    }

    private static String hostOf(String holder) {
        if (holder == null) {
            return null;
        }
        int colon = holder.indexOf(':');
        return colon < 0 ? holder : holder.substring(0, colon);
    }

    private static String requester() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /** Tells the listener the engine's events in order, once each. */
    private static final class EventReplay {
        private final RemoteDiagnosisListener listener;
        private int seen;

        EventReplay(RemoteDiagnosisListener listener) {
            this.listener = listener;
        }

        int seen() {
            return seen;
        }

        void apply(List<DiagnosisRequestRepository.Event> events) {
            for (DiagnosisRequestRepository.Event e : events) {
                seen = Math.max(seen, e.seq());
                switch (e.kind()) {
                    case DiagnosisRequestRepository.Event.STARTED -> DiagnosisCodec.stepName(e.payload())
                            .ifPresent(listener::stepStarted);
                    case DiagnosisRequestRepository.Event.STEP -> DiagnosisCodec.step(DiagnosisCodec.read(e.payload()))
                            .ifPresent(listener::stepFinished);
                    case DiagnosisRequestRepository.Event.LINE -> listener.transcriptLine(e.payload());
                    default -> {
                        // a kind written by a newer engine: skipped
                    }
                }
            }
        }
    }
}
