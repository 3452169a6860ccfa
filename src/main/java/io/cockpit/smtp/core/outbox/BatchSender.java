package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.engine.EngineRegistration;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.mail.DeliveryFailure;
import io.cockpit.smtp.core.mail.DeliveryOutcome;
import io.cockpit.smtp.core.mail.PinnedTrust;
import io.cockpit.smtp.core.mail.SmtpBatch;
import io.cockpit.smtp.core.oauth.GatewaySecrets;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of a lane: claims the engine's due messages, sends them over one SMTP connection, records the outcomes
 * and gives back what it did not send. A message becomes {@code sent} only after the server accepted its DATA; a
 * crash between that reply and the commit sends it again with the same Message-ID (at least once).
 */
final class BatchSender {
    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);
    private final Claimant holder;
    private final EngineRegistration registration;
    private final Lease lease;
    private final OutboxClaimRepository claims;
    private final GatewaySecrets secrets;
    private final Function<String, GatewayConfig> gatewayFor;
    private final OutboxEvents events;
    private final int batchSize;
    private final SenderSignals signals;
    private final SendPacing pacing;
    private final AttemptOutcomes outcomes;
    private final OutcomeRecorder recorder;
    private final Clock clock;
    private GatewayConfig trustFor;
    private PinnedTrust trust;
    private volatile boolean reportedInactive;

    /** @param gatewayFor the gateway an engine sends with (its specific one or the portal's), read before each batch */
    /** @param commits shared by the lanes of one sender: their outcomes are committed together */
    BatchSender(Claimant holder, EngineRegistration registration, Lease lease, OutboxClaimRepository claims,
                OutcomeCommits commits, GatewaySecrets secrets, Function<String, GatewayConfig> gatewayFor,
                OutboxEvents events, SenderSettings settings, SenderSignals signals, Clock clock) {
        this.holder = holder;
        this.registration = registration;
        this.lease = lease;
        this.claims = claims;
        this.secrets = secrets;
        this.gatewayFor = gatewayFor;
        this.events = events;
        this.batchSize = settings.batchSize();
        this.signals = signals;
        this.pacing = new SendPacing(signals);
        this.outcomes = new AttemptOutcomes(settings.retry());
        this.recorder = new OutcomeRecorder(claims, events, commits, clock);
        this.clock = clock;
    }

    /** One batch for {@code lane}: returns how many messages were handled (0: none due, or the gateway is inactive). */
    int sendBatch(int lane) throws InterruptedException {
        GatewayConfig gateway = gatewayFor.apply(holder.engine());
        Instant now = clock.instant();
        if (!gateway.isActive()) {
            if (!reportedInactive && claims.hasDue(holder.engine(), now)) {
                reportedInactive = true;
                LOG.info("engine {}: gateway '{}' is inactive; messages wait", holder.engine(), gateway.name());
                events.publish(new OutboxEvent(OutboxEvent.Type.GATEWAY_INACTIVE, List.of(), null, gateway.name()));
            }
            return 0;
        }
        reportedInactive = false;
        if (!pacing.laneMaySend(gateway, lane) || !registration.mayAct()) {
            return 0;
        }
        Claimant who = holder.lane(lane);
        List<OutboxMessage> claimed = claims.claim(who, now, lease.claimUntil(gateway, now),
                pacing.batchSize(gateway, batchSize));
        if (claimed.isEmpty()) {
            return 0;
        }
        events.publish(OutboxEvent.changed(claimed.stream().map(OutboxMessage::id).toList(), OutboxStatus.SENDING));
        send(who, gateway, claimed, now);
        return claimed.size();
    }

    /**
     * Whether the lane may start one more SMTP transaction for its batch: its process still holds the engine, and the
     * batch's lease surely has not run out. Else the rest of the batch is left to the next holder.
     */
    private boolean stillHolds(Instant claimedAt) {
        return registration.mayAct() && lease.held(claimedAt, clock.instant());
    }

    private void send(Claimant who, GatewayConfig gateway, List<OutboxMessage> batch, Instant claimedAt)
            throws InterruptedException {
        char[] secret = null;
        if (gateway.auth() != Authentication.NONE) {
            try {
                // The password, or for OAuth 2.0 a fresh access token (refreshed by the provider when it expires).
                secret = secrets.secretFor(gateway);
            } catch (SecretUnavailableException e) {
                recorder.record(who, outcomes.secretUnavailable(batch, e, clock.instant()));
                return;
            } catch (OAuthException e) {
                recorder.record(who, outcomes.tokenUnavailable(batch, e, clock.instant()));
                return;
            }
        }
        List<AttemptResult> results = new ArrayList<>();
        Set<Long> done = new HashSet<>();
        SmtpBatch connection = null;
        try {
            for (OutboxMessage m : batch) {
                if (signals.stopping() || !stillHolds(claimedAt)) {
                    break;
                }
                if (connection == null) {
                    try {
                        connection = SmtpBatch.open(gateway, trust(gateway), secret);
                    } catch (DeliveryFailure f) {
                        flush(who, results);
                        List<OutboxMessage> rest = batch.stream().filter(x -> !done.contains(x.id())).toList();
                        recorder.record(who, outcomes.notConnected(rest, f, clock.instant()));
                        rest.forEach(x -> done.add(x.id()));
                        return;
                    }
                }
                pacing.awaitTurn(gateway);
                if (signals.stopping() || !stillHolds(claimedAt)) {
                    break;
                }
                List<Recipient> pending = AttemptOutcomes.stillToSend(m);
                DeliveryOutcome outcome = connection.send(Drafts.of(m, gateway, clock.instant()),
                        pending.stream().map(Recipient::address).toList());
                results.add(outcomes.of(m, pending, outcome, clock.instant()));
                done.add(m.id());
                if (outcome.connectionLost()) {
                    connection.close();
                    connection = null;
                    // Give the others back (no attempt counted): the next round reconnects, or defers them if it cannot.
                    break;
                }
                // Committed before the next SMTP transaction: a pause or a crash from here on resends at most the next one.
                flush(who, results);
            }
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            if (connection != null) {
                connection.close();
            }
            flush(who, results);
            recorder.giveBack(who, batch.stream().map(OutboxMessage::id).filter(id -> !done.contains(id)).toList());
            recorder.publish();
        }
    }

    private void flush(Claimant who, List<AttemptResult> results) {
        recorder.record(who, results);
        results.clear();
    }

    /** The gateway's TLS trust, rebuilt only when its pinned certificates change (building one reads the system's authorities). */
    private synchronized PinnedTrust trust(GatewayConfig gateway) {
        if (trust == null || trustFor == null || !trustFor.trustedCertificates().equals(gateway.trustedCertificates())) {
            trust = PinnedTrust.of(gateway.trustedCertificates());
            trustFor = gateway;
        }
        return trust;
    }
}
