package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A gateway's cap per minute. Timings are asserted only from below (a wait that should have happened); upper bounds
 * are deadlines far above what is waited for, so a busy machine cannot fail them.
 */
class SendPacingTest {
    final SenderSignals signals = new SenderSignals();
    final SendPacing pacing = new SendPacing(signals);

    static GatewayConfig capped(int perMinute) {
        return GatewayConfig.defaults("portal").toBuilder().maxPerMinute(perMinute).build();
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Test
    void withoutACapEveryLaneSendsFullBatchesWithoutWaiting() throws Exception {
        GatewayConfig g = capped(0);
        assertTrue(pacing.laneMaySend(g, 3));
        assertEquals(200, pacing.batchSize(g, 200));
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            pacing.awaitTurn(g);
        }
        assertTrue(millisSince(start) < 10_000, "no gap between messages");
    }

    @Test
    void aCapLeavesOneLaneAndBatchesOfAQuarterMinutesMessages() {
        assertTrue(pacing.laneMaySend(capped(100), 0));
        assertFalse(pacing.laneMaySend(capped(100), 1));
        assertEquals(25, pacing.batchSize(capped(100), 200));
        assertEquals(1, pacing.batchSize(capped(2), 200), "at least one message a batch");
        assertEquals(200, pacing.batchSize(capped(100_000), 200), "never more than the configured batch");
    }

    @Test
    void messagesAreSpacedByAMinuteOverTheCap() throws Exception {
        GatewayConfig g = capped(600); // one every 100 ms
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            pacing.awaitTurn(g);
        }
        assertTrue(millisSince(start) >= 390, "four gaps of 100 ms after the first message: " + millisSince(start));
    }

    @Test
    void aStopEndsTheWaitAtOnce() throws Exception {
        GatewayConfig g = capped(1); // the second message would wait a minute
        pacing.awaitTurn(g);
        CompletableFuture.runAsync(() -> {
            sleep(200);
            signals.stop(1);
        });
        long start = System.nanoTime();
        pacing.awaitTurn(g);
        assertTrue(millisSince(start) < 30_000, "returned on stop, not after the minute");
        assertTrue(signals.stopping());
    }

    @Test
    void aWakeUpDoesNotShortenTheGapAndIsKeptForTheLane() throws Exception {
        GatewayConfig g = capped(120); // one every 500 ms
        pacing.awaitTurn(g);
        long start = System.nanoTime();
        CompletableFuture.runAsync(() -> {
            sleep(100);
            signals.wakeUp();
        });
        pacing.awaitTurn(g);
        assertTrue(millisSince(start) >= 450, "the whole gap was waited: " + millisSince(start));
        assertTrue(signals.awaitWakeUp(Duration.ZERO), "the wake-up is still there for the lane's loop");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
