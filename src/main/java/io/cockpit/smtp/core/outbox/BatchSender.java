package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.engine.EngineRegistration;
import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.gateway.Transport;
import io.cockpit.smtp.core.graph.GraphClient;
import io.cockpit.smtp.core.mail.DeliveryFailure;
import io.cockpit.smtp.core.mail.DeliveryOutcome;
import io.cockpit.smtp.core.mail.PinnedTrust;
import io.cockpit.smtp.core.mail.SmtpBatch;
import io.cockpit.smtp.core.oauth.GatewaySecrets;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import java.time.Clock;
import java.time.Duration;
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
 * One round of a lane: claims the engine's due messages, sends them over one SMTP connection (or through Microsoft
 * Graph), records the outcomes and gives back what it did not send. A message becomes {@code sent} only after the
 * server accepted its DATA (Graph: answered 202); a crash between that reply and the commit sends it again with the
 * same Message-ID (at least once). A gateway with a daily recipient limit sends no more than its places left: the
 * others wait, deferred until places free, without an attempt counted.
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
    private final DailyQuota quota;
    private final Clock clock;
    private GatewayConfig trustFor;
    private PinnedTrust trust;
    private GraphClient graph;
    private List<Object> graphFor;
    private volatile boolean reportedInactive;

    /** @param gatewayFor the gateway an engine sends with (its specific one or the portal's), read before each batch */
    /** @param commits shared by the lanes of one sender: their outcomes are committed together */
    BatchSender(Claimant holder, EngineRegistration registration, Lease lease, OutboxClaimRepository claims,
                OutcomeCommits commits, GatewaySecrets secrets, Function<String, GatewayConfig> gatewayFor,
                OutboxEvents events, SenderSettings settings, SenderSignals signals, SendCountRepository counts,
                Clock clock) {
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
        this.quota = new DailyQuota(counts);
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
        int size = pacing.batchSize(gateway, batchSize);
        if (quota.capped(gateway)) {
            long left = quota.remaining(gateway, now);
            if (left <= 0) {
                holdDueForDailyLimit(gateway, now);
                return 0;
            }
            // Every message has a recipient at least: no more messages than places.
            size = (int) Math.min(size, left);
        }
        Claimant who = holder.lane(lane);
        List<OutboxMessage> claimed = claims.claim(who, now, lease.claimUntil(gateway, now), size);
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

    private void holdDueForDailyLimit(GatewayConfig gateway, Instant now) {
        Instant until = quota.freesAt(gateway, now);
        List<Long> held = claims.holdDue(holder, until, WaitReason.dailyLimit(gateway.maxRecipientsPerDay(), until), now);
        if (!held.isEmpty()) {
            LOG.info("engine {}: gateway '{}' reached its daily limit of {} recipients; {} message(s) wait until {}",
                    holder.engine(), gateway.name(), gateway.maxRecipientsPerDay(), held.size(), until);
            events.publish(OutboxEvent.changed(held, OutboxStatus.DEFERRED));
        }
    }

    private void send(Claimant who, GatewayConfig gateway, List<OutboxMessage> batch, Instant claimedAt)
            throws InterruptedException {
        char[][] secret = {null};
        if (gateway.transport() == Transport.GRAPH || gateway.auth() != Authentication.NONE) {
            try {
                // The password, or for OAuth 2.0 a fresh access token (refreshed by the provider when it expires);
                // for Graph, the application token of the gateway's Microsoft client.
                secret[0] = gateway.transport() == Transport.GRAPH ? secrets.graphToken(gateway).value().toCharArray()
                        : secrets.secretFor(gateway);
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
        MailLink connection = null;
        try {
            for (OutboxMessage m : batch) {
                if (signals.stopping() || !stillHolds(claimedAt)) {
                    break;
                }
                if (connection == null) {
                    try {
                        connection = open(gateway, secret);
                    } catch (DeliveryFailure f) {
                        flush(who, results);
                        failOrDeferRest(who, batch, done, f);
                        return;
                    }
                }
                pacing.awaitTurn(gateway);
                if (signals.stopping() || !stillHolds(claimedAt)) {
                    break;
                }
                List<Recipient> pending = AttemptOutcomes.stillToSend(m);
                Instant counted = null;
                if (quota.capped(gateway)) {
                    counted = quota.reserve(gateway, pending.size(), clock.instant());
                    if (counted == null) {
                        holdRestForDailyLimit(who, gateway, batch, done);
                        break;
                    }
                }
                MailLink.Attempt attempt = connection.send(Drafts.of(m, gateway, clock.instant()),
                        pending.stream().map(Recipient::address).toList());
                DeliveryOutcome outcome = attempt.outcome();
                Instant now = clock.instant();
                AttemptResult result = outcomes.of(m, pending, outcome, now);
                if (attempt.retryAfter() != null) {
                    result = AttemptOutcomes.deferredUntil(result, now.plus(attempt.retryAfter()));
                    pacing.pause(attempt.retryAfter());
                }
                results.add(result);
                done.add(m.id());
                if (counted != null) {
                    quota.release(gateway, counted, (int) outcome.recipients().values().stream()
                            .filter(o -> o.kind() != DeliveryOutcome.Kind.ACCEPTED).count());
                }
                if (attempt.failRest() != null) {
                    flush(who, results);
                    failOrDeferRest(who, batch, done, new DeliveryFailure(attempt.failRest(), true, null));
                    break;
                }
                if (attempt.stopBatch()) {
                    connection.close();
                    connection = null;
                    // Give the others back (no attempt counted): the next round reconnects, or defers them if it cannot.
                    break;
                }
                // Committed before the next SMTP transaction: a pause or a crash from here on resends at most the next one.
                flush(who, results);
            }
        } finally {
            if (secret[0] != null) {
                Arrays.fill(secret[0], '\0');
            }
            if (connection != null) {
                connection.close();
            }
            flush(who, results);
            recorder.giveBack(who, batch.stream().map(OutboxMessage::id).filter(id -> !done.contains(id)).toList());
            recorder.publish();
        }
    }

    /** The batch's messages not handled yet: failed when retrying cannot help as the gateway stands, else deferred. */
    private void failOrDeferRest(Claimant who, List<OutboxMessage> batch, Set<Long> done, DeliveryFailure f) {
        List<OutboxMessage> rest = batch.stream().filter(x -> !done.contains(x.id())).toList();
        recorder.record(who, outcomes.notConnected(rest, f, clock.instant()));
        rest.forEach(x -> done.add(x.id()));
    }

    /** Another engine took the last places meanwhile: the rest of the batch waits for the window, no attempt counted. */
    private void holdRestForDailyLimit(Claimant who, GatewayConfig gateway, List<OutboxMessage> batch, Set<Long> done) {
        Instant now = clock.instant();
        Instant until = quota.freesAt(gateway, now);
        List<Long> rest = batch.stream().map(OutboxMessage::id).filter(id -> !done.contains(id)).toList();
        claims.holdBack(who, rest, until, WaitReason.dailyLimit(gateway.maxRecipientsPerDay(), until), now);
        done.addAll(rest);
        events.publish(OutboxEvent.changed(rest, OutboxStatus.DEFERRED));
    }

    /**
     * Opens the batch's connection. An OAuth 2.0 access token the SMTP server refuses (revoked, or its rights changed
     * before it expired) is dropped from the cache and a fresh one tried, once; a second refusal stands. Graph renews
     * its token on a 401 by itself (the next try gets a new one).
     *
     * @param secret holds the secret; replaced by the fresh token (the caller clears whatever it holds at the end)
     */
    private MailLink open(GatewayConfig gateway, char[][] secret) throws DeliveryFailure, InterruptedException {
        if (gateway.transport() == Transport.GRAPH) {
            return new GraphLink(graph(gateway), gateway, secret[0], () -> secrets.refused(gateway));
        }
        try {
            return new SmtpLink(SmtpBatch.open(gateway, trust(gateway), secret[0]));
        } catch (DeliveryFailure refused) {
            if (!refused.authenticationRefused() || gateway.auth() != Authentication.OAUTH2) {
                throw refused;
            }
            secrets.refused(gateway);
            try {
                char[] fresh = secrets.secretFor(gateway);
                Arrays.fill(secret[0], '\0');
                secret[0] = fresh;
            } catch (SecretUnavailableException | OAuthException e) {
                throw refused;
            }
            LOG.info("engine {}: the server refused the OAuth 2.0 access token; trying once with a new one", holder.engine());
            try {
                return new SmtpLink(SmtpBatch.open(gateway, trust(gateway), secret[0]));
            } catch (DeliveryFailure again) {
                if (again.authenticationRefused()) {
                    secrets.refused(gateway);
                    secrets.serverRefused(gateway, again.getMessage());
                }
                throw again;
            }
        }
    }

    /** One HTTP client per gateway trust and timeouts: it keeps its connections to Graph open between messages. */
    private synchronized GraphClient graph(GatewayConfig gateway) {
        PinnedTrust t = trust(gateway);
        List<Object> key = List.of(t, gateway.connectTimeoutSeconds(), gateway.readTimeoutSeconds());
        if (graph == null || !key.equals(graphFor)) {
            graph = new GraphClient(t.context(), Duration.ofSeconds(gateway.connectTimeoutSeconds()),
                    Duration.ofSeconds(gateway.readTimeoutSeconds()));
            graphFor = key;
        }
        return graph;
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
