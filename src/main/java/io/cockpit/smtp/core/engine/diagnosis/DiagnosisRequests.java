package io.cockpit.smtp.core.engine.diagnosis;

import io.cockpit.smtp.core.engine.EngineRegistration;
import io.cockpit.smtp.core.engine.EngineWork;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.mail.diagnosis.Cancellation;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisReport;
import io.cockpit.smtp.core.mail.diagnosis.DiagnosisService;
import io.cockpit.smtp.core.store.StoreNotAnswering;
import io.cockpit.smtp.core.validation.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of "Tester depuis le moteur": watches the store for diagnosis requests addressed to this engine,
 * runs each with the engine's own gateway (its specific one or the portal's) from this machine, and writes the steps
 * and transcript lines as they come, then the report. One run at a time, on its own thread; a run stops when the
 * requester cancels or gives up, when the engine stops, or when another process takes the engine over.
 */
public final class DiagnosisRequests implements EngineWork {
    private static final Logger LOG = LoggerFactory.getLogger(DiagnosisRequests.class);
    /** How often a running diagnosis looks whether the requester asked it to stop. */
    private static final Duration CANCEL_CHECK = Duration.ofMillis(500);

    private final EngineRegistration registration;
    private final DiagnosisRequestRepository requests;
    private final DiagnosisService diagnosis;
    private final Function<String, GatewayConfig> gatewayFor;
    private final Duration poll;
    private final Clock clock;
    private final Object wake = new Object();
    private volatile boolean stopping;
    private volatile Cancellation current;
    private Thread thread;
    private Runnable unsubscribe = () -> { };

    /**
     * @param gatewayFor the gateway an engine sends with (its specific one or the portal's)
     * @param poll how often the store is looked at for new requests (a notification from the store wakes it sooner)
     */
    public DiagnosisRequests(EngineRegistration registration, DiagnosisRequestRepository requests,
                             DiagnosisService diagnosis, Function<String, GatewayConfig> gatewayFor, Duration poll,
                             Clock clock) {
        this.registration = registration;
        this.requests = requests;
        this.diagnosis = diagnosis;
        this.gatewayFor = gatewayFor;
        this.poll = poll;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        unsubscribe = requests.onRequest(registration.engine(), this::wakeUp);
        thread = new Thread(this::loop, "engine-diagnosis-" + registration.engine());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("diagnosis thread died", e));
        thread.start();
    }

    /** Looks for requests now (the store said one was added). */
    public void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    @Override
    public boolean stop(Duration grace) {
        stopping = true;
        synchronized (this) {
            unsubscribe.run();
        }
        Cancellation c = current;
        if (c != null) {
            c.cancel();
        }
        wakeUp();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return true;
        }
        try {
            t.join(Math.max(1, grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    @Override
    public synchronized boolean running() {
        return thread != null && thread.isAlive();
    }

    /** {@code engine run --once} sends mail only: a diagnosis is for a running engine the console can watch. */
    @Override
    public int drainOnce() {
        return 0;
    }

    private void loop() {
        while (!stopping && !registration.lost()) {
            try {
                if (registration.mayAct()) {
                    Optional<DiagnosisRequestRepository.Request> next = requests.takeNext(registration.engine(),
                            registration.holder(), registration.epoch(), clock.instant(),
                            clock.instant().minus(RemoteDiagnosis.PICKUP_TIMEOUT));
                    if (next.isPresent()) {
                        run(next.get());
                        continue;
                    }
                }
            } catch (StoreNotAnswering e) {
                // The sender and the heartbeat say it already; this thread just waits for the store.
                LOG.debug("engine {}: the store does not answer: {}", registration.engine(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("engine {}: looking for diagnosis requests failed, retrying", registration.engine(), e);
            }
            synchronized (wake) {
                if (!stopping) {
                    try {
                        wake.wait(poll.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private void run(DiagnosisRequestRepository.Request r) {
        String engine = registration.engine();
        LOG.info("engine {}: running diagnosis request {} ({})", engine, r.id(),
                r.recipient() == null ? "connection check" : "test email");
        Cancellation cancellation = new Cancellation();
        current = cancellation;
        DiagnosisEventWriter writer = new DiagnosisEventWriter(requests, r.id());
        Thread watcher = new Thread(() -> watchForStop(r.id(), cancellation), "engine-diagnosis-watch-" + engine);
        watcher.setDaemon(true);
        watcher.start();
        RequestStatus status;
        String report;
        try {
            GatewayConfig g = gatewayFor.apply(engine);
            DiagnosisReport done = r.recipient() == null ? diagnosis.check(g, writer, cancellation)
                    : diagnosis.test(g, r.recipient(), writer, cancellation);
            status = cancellation.isCancelled() ? RequestStatus.CANCELLED : RequestStatus.DONE;
            report = DiagnosisCodec.write(DiagnosisCodec.report(done));
        } catch (ValidationException e) {
            status = RequestStatus.FAILED;
            report = DiagnosisCodec.write(DiagnosisCodec.problems(e.problems()));
        } finally {
            watcher.interrupt();
            current = null;
        }
        try {
            writer.close();
        } finally {
            requests.finish(r.id(), registration.holder(), status, report, clock.instant());
        }
    }

    /** Cancels the run when the requester asks, gives up, or the engine stops or is taken over. */
    private void watchForStop(long id, Cancellation cancellation) {
        try {
            while (!cancellation.isCancelled()) {
                TimeUnit.MILLISECONDS.sleep(CANCEL_CHECK.toMillis());
                boolean stop = stopping || registration.lost();
                if (!stop) {
                    try {
                        stop = requests.stopAsked(id);
                    } catch (RuntimeException e) {
                        LOG.debug("could not read the diagnosis request's state", e);
                    }
                }
                if (stop) {
                    cancellation.cancel();
                }
            }
        } catch (InterruptedException e) {
            // the run ended
        }
    }
}
