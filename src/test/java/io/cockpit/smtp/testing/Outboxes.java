package io.cockpit.smtp.testing;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.outbox.NewMessage;
import io.cockpit.smtp.core.outbox.OutboxMessage;
import io.cockpit.smtp.core.outbox.SenderService;
import io.cockpit.smtp.core.outbox.SenderSettings;
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

    /** Sends everything due now on the test's thread with a fresh sender of the local engine. */
    public static int drain(CoreServices s) throws InterruptedException {
        SenderService sender = s.sender("local", "test-" + System.nanoTime());
        try {
            return sender.drainOnce();
        } finally {
            sender.stop(Duration.ofSeconds(1));
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
