package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.engine.EngineRegistration;
import io.cockpit.smtp.core.engine.EngineWork;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.oauth.GatewaySecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * The background sender of one engine: claims due messages, sends each batch over one SMTP connection, records every
 * outcome. A message becomes {@code sent} only after the server accepted its DATA; a crash between that reply and the
 * commit sends it again with the same Message-ID (at least once). Runs on its own named threads, one per connection;
 * {@link #stop} finishes the message in hand and gives back the rest.
 *
 * <p>The work is shared out: {@link SenderLanes} runs the connections, {@link BatchSender} sends one batch, paced by
 * {@link SendPacing}, its outcomes classified by {@link AttemptOutcomes} and written through {@link OutcomeRecorder}.
 */
public final class SenderService implements EngineWork {
    private final Claimant holder;
    private final Long deadEpoch;
    private final Lease lease;
    private final SenderSignals signals = new SenderSignals();
    private final SenderLanes lanes;
    private final Runnable unsubscribe;

    /**
     * @param registration this process's hold on the engine: its claims carry the epoch, and it stops sending once the
     *                     hold is lost
     * @param claimant unique among live claimants (the holder id): the messages it claims carry it
     * @param deadEpoch the epoch of a previous holder whose process is gone (its messages are taken back at once); null
     *                  when none
     * @param gatewayFor the gateway an engine sends with (its specific one or the portal's), read before each batch
     * @param counts the recipients each gateway's provider was given, for its daily limit
     */
    public SenderService(EngineRegistration registration, String claimant, Long deadEpoch, OutboxClaimRepository claims,
                         GatewaySecrets gateways, Function<String, GatewayConfig> gatewayFor, OutboxEvents events,
                         SenderSettings settings, SendCountRepository counts, Clock clock) {
        this.holder = new Claimant(registration.engine(), claimant, registration.epoch());
        this.deadEpoch = deadEpoch;
        this.lease = new Lease(holder, claims, settings.leaseBase(), clock);
        BatchSender batches = new BatchSender(holder, registration, lease, claims, new OutcomeCommits(claims, events, clock),
                gateways, gatewayFor, events, settings, signals, counts, clock);
        this.lanes = new SenderLanes(holder, registration, claims, batches, signals, events, settings, clock);
        // Messages stored by this process wake the sender at once; those of other processes too where the store tells
        // (PostgreSQL's NOTIFY); on H2 they are found by polling.
        Runnable local = events.subscribe(e -> {
            if (e.type() == OutboxEvent.Type.MESSAGES_CHANGED && e.status() == OutboxStatus.QUEUED) {
                signals.wakeUp();
            }
        });
        Runnable others = claims.onQueued(registration.engine(), signals::wakeUp);
        this.unsubscribe = () -> {
            local.run();
            others.run();
        };
    }

    public String engine() {
        return holder.engine();
    }

    public String claimant() {
        return holder.id();
    }

    /** Starts the sender threads, after taking back what earlier holders left sending (see {@link SenderLanes#start}). */
    @Override
    public void start() {
        lanes.start(deadEpoch);
    }

    /** Renews the leases of the messages in hand: called by the engine's heartbeat once it confirmed the hold. */
    @Override
    public void heartbeat() {
        lease.renewIfDue();
    }

    /** Wakes the sender (a message was stored or retried). */
    public void wakeUp() {
        signals.wakeUp();
    }

    /**
     * Stops: the message in hand is finished (each SMTP wait has its timeout), the rest of the batch is given back.
     *
     * @return true when the threads ended within {@code grace}
     */
    @Override
    public boolean stop(Duration grace) {
        unsubscribe.run();
        return lanes.stop(grace);
    }

    @Override
    public boolean running() {
        return lanes.running();
    }

    /**
     * Sends every message due now, batch after batch, on the caller's thread (for {@code engine run --once}), after
     * taking back what earlier holders left sending.
     *
     * @return the number of messages handled (whatever their outcome)
     */
    @Override
    public int drainOnce() throws InterruptedException {
        return lanes.drain(deadEpoch);
    }
}
