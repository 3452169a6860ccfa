package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.engine.EngineRegistration;
import io.cockpit.smtp.core.engine.EngineRegistry;
import io.cockpit.smtp.core.outbox.NewMessage;
import io.cockpit.smtp.core.outbox.OutboxMessage;
import io.cockpit.smtp.core.outbox.SenderService;
import io.cockpit.smtp.core.outbox.SenderSettings;
import io.cockpit.smtp.core.validation.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Small helpers for outbox tests. */
public final class Outboxes {
    private Outboxes() {
    }

    public static NewMessage message(String flow, String to) {
        return new NewMessage(flow, List.of(to), "fr", "user", null, null, Map.of(), null);
    }

    /** Takes {@code engine} in the registry for a new holder of this process, as an engine run does. */
    public static EngineRegistration register(CoreServices s, String engine) {
        try {
            EngineRegistry.Acquisition a = s.engineRegistry().acquire(engine, EngineRegistry.newHolderId());
            if (!a.taken()) {
                throw new AssertionError("engine " + engine + " is held by " + a.heldBy().holder());
            }
            return a.registration();
        } catch (ValidationException e) {
            throw new AssertionError(e);
        }
    }

    /** A sender of {@code engine} under a new registration of this process (not started). */
    public static SenderService sender(CoreServices s, String engine) {
        return s.sender(register(s, engine));
    }

    /** Sends everything due now on the test's thread with a fresh sender of the local engine, then lets it go. */
    public static int drain(CoreServices s) throws InterruptedException {
        EngineRegistration r = register(s, "local");
        SenderService sender = s.sender(r);
        try {
            return sender.drainOnce();
        } finally {
            sender.stop(Duration.ofSeconds(1));
            s.engineRegistry().release(r);
        }
    }

    public static OutboxMessage get(CoreServices s, long id) {
        return s.outbox().find(id).orElseThrow();
    }

    /** Polls a condition (no timing assertion: the deadline only keeps a broken test from hanging). */
    public static void await(BooleanSupplier condition, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + deadline);
            }
            Thread.sleep(50);
        }
    }

    public static SenderSettings fastRetry() {
        return SenderSettings.DEFAULT;
    }
}
