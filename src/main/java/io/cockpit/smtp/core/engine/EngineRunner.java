package io.cockpit.smtp.core.engine;

import io.cockpit.smtp.core.validation.ValidationException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one engine in this process: takes it in the registry, keeps the heartbeat, runs its sender; the host is
 * {@code engine run} or the console. Stops the sender when another process took the engine over.
 */
public final class EngineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRunner.class);

    private final EngineRegistry registry;
    private final String engine;
    private final String holder;
    private final EngineWork sender;
    private ScheduledExecutorService heartbeat;

    /** @param work makes what this engine does (its sender) for a holder id */
    public EngineRunner(EngineRegistry registry, String engine, Function<String, EngineWork> work) {
        this.registry = registry;
        this.engine = engine;
        this.holder = EngineRegistry.newHolderId();
        this.sender = work.apply(holder);
    }

    public String engine() {
        return engine;
    }

    public EngineWork work() {
        return sender;
    }

    /**
     * Takes the engine and starts sending in the background.
     *
     * @return empty when started; else the engine as registered, held by another live process
     */
    public synchronized Optional<EngineInfo> start() throws ValidationException {
        Optional<EngineInfo> other = registry.acquire(engine, holder);
        if (other.isPresent()) {
            return other;
        }
        sender.start(true);
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "engine-heartbeat-" + engine);
            t.setDaemon(true);
            return t;
        });
        long every = EngineRegistry.HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        LOG.info("engine {} started ({})", engine, holder);
        return Optional.empty();
    }

    private void beat() {
        try {
            if (!registry.heartbeat(engine, holder)) {
                LOG.warn("engine {} was taken over by another process; this one stops sending", engine);
                sender.stop(Duration.ofSeconds(30));
                heartbeat.shutdown();
            }
        } catch (RuntimeException e) {
            LOG.warn("engine {}: heartbeat failed", engine, e);
        }
    }

    /**
     * Sends what is due now on the caller's thread, then lets the engine go ({@code engine run --once}).
     *
     * @return empty with the count when done; the other holder when the engine is held elsewhere
     */
    public Optional<EngineInfo> runOnce(int[] handled) throws ValidationException, InterruptedException {
        Optional<EngineInfo> other = registry.acquire(engine, holder);
        if (other.isPresent()) {
            return other;
        }
        try {
            handled[0] = sender.drainOnce();
        } finally {
            registry.release(engine, holder);
        }
        return Optional.empty();
    }

    /** Finishes or gives back the message in hand, stops the heartbeat and lets the engine go. */
    public synchronized void stop(Duration grace) {
        sender.stop(grace);
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
        try {
            registry.release(engine, holder);
        } catch (RuntimeException e) {
            LOG.warn("engine {}: could not release the registry entry", engine, e);
        }
        LOG.info("engine {} stopped", engine);
    }
}
