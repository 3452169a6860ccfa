package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A gateway's cap on messages per minute: a capped gateway gets one connection, smaller batches and one message every
 * minute / cap. Without a cap nothing waits.
 */
final class SendPacing {
    private final SenderSignals signals;
    private volatile long nextSendNanos = System.nanoTime();
    /** No lane sends before this (the provider asked to wait: Retry-After). */
    private volatile long pausedUntilNanos = System.nanoTime();

    SendPacing(SenderSignals signals) {
        this.signals = signals;
    }

    /** A capped rate is paced on one connection: lane 0 sends, the others stay idle. */
    boolean laneMaySend(GatewayConfig gateway, int lane) {
        if (pausedUntilNanos - System.nanoTime() > 0) {
            return false;
        }
        return gateway.maxPerMinute() <= 0 || lane == 0;
    }

    /** The provider throttled (Retry-After): no lane of this sender sends again before {@code wait} has passed. */
    void pause(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        if (until - pausedUntilNanos > 0) {
            pausedUntilNanos = until;
        }
    }

    /** Under a cap, a batch holds at most a quarter of a minute's messages, so it is sent well within its lease. */
    int batchSize(GatewayConfig gateway, int configured) {
        if (gateway.maxPerMinute() <= 0) {
            return configured;
        }
        return Math.max(1, Math.min(configured, gateway.maxPerMinute() / 4));
    }

    /**
     * Waits for the next message's turn; returns early when the sender stops. A wake-up does not shorten the gap: it
     * is kept for the lane's loop.
     */
    void awaitTurn(GatewayConfig gateway) throws InterruptedException {
        if (gateway.maxPerMinute() <= 0) {
            return;
        }
        long gap = TimeUnit.MINUTES.toNanos(1) / gateway.maxPerMinute();
        long wait = nextSendNanos - System.nanoTime();
        if (wait > 0) {
            if (signals.awaitWakeUp(Duration.ofNanos(wait)) && !signals.stopping()) {
                signals.wakeUp();
                long left = nextSendNanos - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, gap));
                }
            }
        }
        nextSendNanos = System.nanoTime() + gap;
    }
}
