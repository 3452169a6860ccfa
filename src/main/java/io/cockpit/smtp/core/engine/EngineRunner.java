package io.cockpit.smtp.core.engine;

import io.cockpit.smtp.core.store.StoreNotAnswering;
import io.cockpit.smtp.core.validation.ValidationException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one engine in this process: takes it in the registry, keeps the heartbeat, runs its work; the host is
 * {@code engine run} or the console. Stops the work when another process took the engine over.
 */
public final class EngineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRunner.class);

    private final EngineRegistry registry;
    private final String engine;
    private final String holder;
    private final EngineWork.Factory factory;
    private EngineRegistration registration;
    private EngineWork work;
    private ScheduledExecutorService heartbeat;
    private volatile boolean storeSilent;

    /** @param factory makes what this engine does (its sender and diagnosis runs) once the engine is taken */
    public EngineRunner(EngineRegistry registry, String engine, EngineWork.Factory factory) {
        this.registry = registry;
        this.engine = engine;
        this.holder = EngineRegistry.newHolderId();
        this.factory = factory;
    }

    public String engine() {
        return engine;
    }

    public String holder() {
        return holder;
    }

    /** The work of the current hold; null before {@link #start} or {@link #runOnce}. */
    public synchronized EngineWork work() {
        return work;
    }

    /** This process's hold; null before it took the engine. */
    public synchronized EngineRegistration registration() {
        return registration;
    }

    /**
     * Takes the engine and starts working in the background.
     *
     * @return empty when started; else the engine as registered, held by another live process
     */
    public synchronized Optional<EngineInfo> start() throws ValidationException {
        Optional<EngineInfo> other = take();
        if (other.isPresent()) {
            return other;
        }
        work.start();
        LOG.info("engine {} started ({}, epoch {})", engine, holder, registration.epoch());
        return Optional.empty();
    }

    /**
     * What {@link #runOnce} did.
     *
     * @param heldBy the engine as registered when another live process holds it (nothing was done); else null
     * @param handled how many items were handled
     * @param takenOver another process took the engine over during the run (it stopped before its next message)
     */
    public record Once(EngineInfo heldBy, int handled, boolean takenOver) {
    }

    /**
     * Does what is due now on the caller's thread, with the heartbeat kept meanwhile, then lets the engine go
     * ({@code engine run --once}).
     */
    public Once runOnce() throws ValidationException, InterruptedException {
        EngineWork w;
        synchronized (this) {
            Optional<EngineInfo> other = take();
            if (other.isPresent()) {
                return new Once(other.get(), 0, false);
            }
            w = work;
        }
        try {
            int handled = w.drainOnce();
            return new Once(null, handled, registration.lost());
        } finally {
            stopHeartbeat();
            letGo();
        }
    }

    private Optional<EngineInfo> take() throws ValidationException {
        EngineRegistry.Acquisition a = registry.acquire(engine, holder);
        if (!a.taken()) {
            return Optional.ofNullable(a.heldBy());
        }
        registration = a.registration();
        if (a.deadEpoch() != null) {
            LOG.info("engine {}: the previous holder's process is gone; what it held is taken back at once", engine);
        }
        work = factory.make(registration, a.deadEpoch());
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "engine-heartbeat-" + engine);
            t.setDaemon(true);
            return t;
        });
        long every = EngineRegistry.HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        return Optional.empty();
    }

    private void beat() {
        EngineRegistration r = registration;
        EngineWork w = work;
        try {
            if (!registry.heartbeat(r)) {
                LOG.warn("engine {} was taken over by another process; this one stops before its next message", engine);
                w.stop(Duration.ofSeconds(30));
                heartbeat.shutdown();
                return;
            }
            if (storeSilent) {
                storeSilent = false;
                LOG.info("engine {}: the store answers again", engine);
            }
            w.heartbeat();
        } catch (StoreNotAnswering e) {
            if (!storeSilent) {
                storeSilent = true;
                LOG.warn("engine {}: no message is sent until the store answers: {}", engine, e.getMessage());
            }
        } catch (RuntimeException e) {
            if (!storeSilent) {
                storeSilent = true;
                LOG.warn("engine {}: heartbeat failed; no message is sent until the store answers: {}", engine,
                        e.getMessage(), e);
            }
        }
    }

    /** Finishes or gives back the message in hand, stops the heartbeat and lets the engine go. */
    public void stop(Duration grace) {
        EngineWork w;
        synchronized (this) {
            w = work;
        }
        if (w != null) {
            w.stop(grace);
        }
        stopHeartbeat();
        letGo();
        LOG.info("engine {} stopped", engine);
    }

    private synchronized void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
    }

    private synchronized void letGo() {
        if (registration == null || registration.lost()) {
            return;
        }
        try {
            registry.release(registration);
        } catch (RuntimeException e) {
            LOG.warn("engine {}: could not release the registry entry", engine, e);
        }
    }
}
