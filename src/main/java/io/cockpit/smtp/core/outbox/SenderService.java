package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.engine.EngineWork;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background sender of one engine: claims due messages, sends each batch over one SMTP connection, records every
 * outcome. A message becomes {@code sent} only after the server accepted its DATA; a crash between that reply and the
 * commit sends it again with the same Message-ID (at least once). Runs on its own named thread; {@link #stop} finishes
 * the message in hand and gives back the rest.
 */
public final class SenderService implements EngineWork {
    private static final Logger LOG = LoggerFactory.getLogger(SenderService.class);
    private static final Object WAKE = new Object();

    private final String engine;
    private final Claimant holder;
    private final OutboxClaimRepository repository;
    private final GatewaySecrets gateways;
    private final Function<String, GatewayConfig> gatewayFor;
    private final OutboxEvents events;
    private final SenderSettings settings;
    private final Clock clock;
    private final BlockingQueue<Object> wake = new LinkedBlockingQueue<>();
    private final Runnable unsubscribe;
    private volatile boolean stopping;
    private final List<Thread> threads = new ArrayList<>();
    private volatile long nextSendNanos;
    private GatewayConfig trustFor;
    private PinnedTrust trust;
    private volatile boolean reportedInactive;

    /**
     * @param claimant this process's unique holder id: the messages it claims carry it
     * @param gatewayFor the gateway an engine sends with (its specific one or the portal's), read before each batch
     */
    public SenderService(String engine, String claimant, OutboxClaimRepository repository, GatewaySecrets gateways,
                         Function<String, GatewayConfig> gatewayFor, OutboxEvents events, SenderSettings settings, Clock clock) {
        this.engine = engine;
        this.holder = new Claimant(engine, claimant);
        this.repository = repository;
        this.gateways = gateways;
        this.gatewayFor = gatewayFor;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        // Messages stored by this process wake the sender at once; others are found by polling.
        this.unsubscribe = events.subscribe(e -> {
            if (e.type() == OutboxEvent.Type.MESSAGES_CHANGED && e.status() == OutboxStatus.QUEUED) {
                wake.offer(WAKE);
            }
        });
    }

    public String engine() {
        return engine;
    }

    public String claimant() {
        return holder.id();
    }

    /**
     * Starts the sender thread.
     *
     * @param takeBack true when the caller holds the engine exclusively: messages an earlier holder left
     *                 {@code sending} are queued again at once instead of after their lease
     */
    @Override
    public synchronized void start(boolean takeBack) {
        if (!threads.isEmpty()) {
            return;
        }
        if (takeBack) {
            int n = repository.takeBack(holder, clock.instant());
            if (n > 0) {
                LOG.info("engine {}: took back {} message(s) left sending by an earlier run", engine, n);
            }
        }
        stopping = false;
        for (int i = 0; i < settings.connections(); i++) {
            int lane = i;
            Thread t = new Thread(() -> loop(lane), "outbox-sender-" + engine + "-" + i);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("sender thread died", e));
            threads.add(t);
        }
        threads.forEach(Thread::start);
        events.publish(new OutboxEvent(OutboxEvent.Type.ENGINE_STARTED, List.of(), null, engine));
    }

    /** Wakes the sender (a message was stored or retried). */
    public void wakeUp() {
        wake.offer(WAKE);
    }

    /**
     * Stops: the message in hand is finished (each SMTP wait has its timeout), the rest of the batch is given back.
     *
     * @return true when the thread ended within {@code grace}
     */
    @Override
    public boolean stop(Duration grace) {
        List<Thread> running;
        synchronized (this) {
            running = List.copyOf(threads);
            stopping = true;
        }
        for (int i = 0; i <= running.size(); i++) {
            wake.offer(WAKE);
        }
        unsubscribe.run();
        if (running.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        boolean ended = true;
        for (Thread t : running) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                ended = false;
                t.interrupt();
            }
        }
        events.publish(new OutboxEvent(OutboxEvent.Type.ENGINE_STOPPED, List.of(), null, engine));
        return ended;
    }

    @Override
    public synchronized boolean running() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    private void loop(int lane) {
        Instant lastRecovery = Instant.EPOCH;
        while (!stopping) {
            try {
                Instant now = clock.instant();
                if (now.isAfter(lastRecovery.plusSeconds(10))) {
                    repository.recoverExpired(engine, now);
                    lastRecovery = now;
                }
                int sent = runOnce(lane);
                if (sent == 0 && !stopping) {
                    wake.poll(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // A store hiccup (lock timeout, disk): log it and try again after a pause rather than die.
                LOG.warn("engine {}: sender loop failed, retrying", engine, e);
                try {
                    wake.poll(settings.poll().toMillis() * 2, TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    break;
                }
            }
        }
    }

    /**
     * Sends every message due now, batch after batch, on the caller's thread (for {@code engine run --once}).
     *
     * @return the number of messages handled (whatever their outcome)
     */
    public int drain() throws InterruptedException {
        repository.recoverExpired(engine, clock.instant());
        int lanes = settings.connections();
        int[] counts = new int[lanes];
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < lanes; i++) {
            int lane = i;
            Thread t = new Thread(() -> {
                try {
                    counts[lane] = drainLane(lane);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "outbox-sender-" + engine + "-" + i);
            t.setDaemon(true);
            helpers.add(t);
            t.start();
        }
        counts[0] = drainLane(0);
        for (Thread t : helpers) {
            t.join();
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    private int drainLane(int lane) throws InterruptedException {
        int total = 0;
        int n;
        while (!stopping && (n = runOnce(lane)) > 0) {
            total += n;
        }
        return total;
    }

    /** {@link #drain} for the engine's exclusive holder: first takes back what an earlier run left sending. */
    @Override
    public int drainOnce() throws InterruptedException {
        repository.takeBack(holder, clock.instant());
        return drain();
    }

    /** One batch: returns how many messages were handled (0: none due, or the gateway is inactive). */
    int runOnce(int lane) throws InterruptedException {
        GatewayConfig gateway = gatewayFor.apply(engine);
        Instant now = clock.instant();
        if (!gateway.isActive()) {
            if (!reportedInactive && repository.hasDue(engine, now)) {
                reportedInactive = true;
                LOG.info("engine {}: gateway '{}' is inactive; messages wait", engine, gateway.name());
                events.publish(new OutboxEvent(OutboxEvent.Type.GATEWAY_INACTIVE, List.of(), null, gateway.name()));
            }
            return 0;
        }
        reportedInactive = false;
        int batch = settings.batchSize();
        if (gateway.maxPerMinute() > 0 && lane > 0) {
            return 0; // a capped rate is paced on one connection
        }
        if (gateway.maxPerMinute() > 0) {
            batch = Math.max(1, Math.min(batch, gateway.maxPerMinute() / 4));
        }
        Duration lease = lease(gateway);
        Claimant who = holder.lane(lane);
        List<OutboxMessage> claimed = repository.claim(who, now, now.plus(lease), batch);
        if (claimed.isEmpty()) {
            return 0;
        }
        events.publish(OutboxEvent.changed(claimed.stream().map(OutboxMessage::id).toList(), OutboxStatus.SENDING));
        sendBatch(who, gateway, claimed, lease);
        return claimed.size();
    }

    private static Duration lease(GatewayConfig g) {
        return Duration.ofSeconds(60L + 3L * (g.connectTimeoutSeconds() + g.readTimeoutSeconds()));
    }

    private void sendBatch(Claimant who, GatewayConfig gateway, List<OutboxMessage> batch, Duration lease) throws InterruptedException {
        char[] secret = null;
        if (gateway.auth() != Authentication.NONE) {
            try {
                // The password, or for OAuth 2.0 a fresh access token (refreshed by the provider when it expires).
                secret = gateways.secretFor(gateway);
            } catch (SecretUnavailableException e) {
                // Never send a ciphertext as a password: the messages wait until the password is entered again.
                deferAll(who, batch, e.getMessage());
                return;
            } catch (OAuthException e) {
                deferAll(who, batch, "OAuth 2.0: " + e.getMessage());
                return;
            }
        }
        List<AttemptResult> results = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        SmtpBatch connection = null;
        Instant leaseRenewed = clock.instant();
        try {
            for (OutboxMessage m : batch) {
                if (stopping) {
                    break;
                }
                if (connection == null) {
                    try {
                        connection = SmtpBatch.open(gateway, trust(gateway), secret);
                    } catch (DeliveryFailure f) {
                        flush(who, results, done);
                        List<OutboxMessage> rest = batch.stream().filter(x -> !done.contains(x.id())).toList();
                        if (f.permanent()) {
                            failAll(who, rest, f.getMessage());
                        } else {
                            deferAll(who, rest, f.getMessage());
                        }
                        rest.forEach(x -> done.add(x.id()));
                        return;
                    }
                }
                pace(gateway);
                if (stopping) {
                    break;
                }
                Instant now = clock.instant();
                List<Recipient> pending = m.recipients().stream().filter(r -> r.status().stillToSend()).toList();
                DeliveryOutcome outcome = connection.send(Drafts.of(m, gateway, now),
                        pending.stream().map(Recipient::address).toList());
                results.add(result(m, pending, outcome, clock.instant()));
                done.add(m.id());
                if (outcome.connectionLost()) {
                    connection.close();
                    connection = null;
                    // Give the others back (no attempt counted): the next round reconnects, or defers them if it cannot.
                    break;
                }
                // Outcomes are committed in groups: fewer commits, and a crash resends at most this group.
                if (results.size() >= 200) {
                    flush(who, results, done);
                }
                if (clock.instant().isAfter(leaseRenewed.plus(lease.dividedBy(3)))) {
                    repository.renewLease(who, clock.instant().plus(lease));
                    leaseRenewed = clock.instant();
                }
            }
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            if (connection != null) {
                connection.close();
            }
            flush(who, results, done);
            List<Long> rest = batch.stream().map(OutboxMessage::id).filter(id -> !done.contains(id)).toList();
            if (!rest.isEmpty()) {
                repository.release(who, rest, clock.instant());
                events.publish(OutboxEvent.changed(rest, OutboxStatus.QUEUED));
            }
        }
    }

    /** The gateway's TLS trust, rebuilt only when its pinned certificates change. */
    private synchronized PinnedTrust trust(GatewayConfig gateway) {
        if (trust == null || trustFor == null || !trustFor.trustedCertificates().equals(gateway.trustedCertificates())) {
            trust = PinnedTrust.of(gateway.trustedCertificates());
            trustFor = gateway;
        }
        return trust;
    }

    /** Spaces messages out to honour the gateway's cap per minute; returns early on stop. */
    private void pace(GatewayConfig gateway) throws InterruptedException {
        if (gateway.maxPerMinute() <= 0) {
            return;
        }
        long gap = TimeUnit.MINUTES.toNanos(1) / gateway.maxPerMinute();
        long wait = nextSendNanos - System.nanoTime();
        if (wait > 0) {
            Object w = wake.poll(wait, TimeUnit.NANOSECONDS);
            if (w != null && !stopping) {
                wake.offer(WAKE); // a wake-up is not a stop: keep it for the loop, and wait out the gap
                long left = nextSendNanos - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, gap));
                }
            }
        }
        nextSendNanos = System.nanoTime() + gap;
    }

    private AttemptResult result(OutboxMessage m, List<Recipient> pending, DeliveryOutcome outcome, Instant now) {
        List<Recipient> changed = new ArrayList<>();
        boolean anyTemporary = false;
        boolean anyAccepted = m.recipients().stream().anyMatch(r -> r.status() == RecipientStatus.ACCEPTED);
        String error = null;
        for (Recipient r : pending) {
            DeliveryOutcome.AddressOutcome o = outcome.recipients().get(r.address());
            if (o == null) {
                o = new DeliveryOutcome.AddressOutcome(DeliveryOutcome.Kind.TEMPORARY, outcome.reply());
            }
            RecipientStatus s = switch (o.kind()) {
                case ACCEPTED -> RecipientStatus.ACCEPTED;
                case TEMPORARY -> RecipientStatus.DEFERRED;
                case PERMANENT -> RecipientStatus.REJECTED;
            };
            anyTemporary |= s == RecipientStatus.DEFERRED;
            anyAccepted |= s == RecipientStatus.ACCEPTED;
            if (s != RecipientStatus.ACCEPTED && error == null) {
                error = pending.size() > 1 || m.recipients().size() > 1 ? r.address() + ": " + o.reply() : o.reply();
            }
            changed.add(new Recipient(r.position(), r.address(), s, o.reply()));
        }
        int attempts = m.attempts() + 1;
        if (anyTemporary) {
            var next = settings.retry().next(attempts, m.createdAt(), now);
            if (next.isEmpty()) {
                return new AttemptResult(m.id(), OutboxStatus.FAILED, null,
                        "gave up after " + settings.retry().giveUpAfter().toDays() + " days: " + error, null, changed);
            }
            return new AttemptResult(m.id(), OutboxStatus.DEFERRED, next.get(), error, null, changed);
        }
        if (anyAccepted) {
            return new AttemptResult(m.id(), OutboxStatus.SENT, null, error, now, changed);
        }
        return new AttemptResult(m.id(), OutboxStatus.FAILED, null, error, null, changed);
    }

    private void flush(Claimant who, List<AttemptResult> results, List<Long> done) {
        if (results.isEmpty()) {
            return;
        }
        int changed = repository.record(who, results, clock.instant());
        if (changed != results.size()) {
            LOG.warn("engine {}: {} of {} outcome(s) were not recorded (lease lost)", engine, results.size() - changed,
                    results.size());
        }
        for (OutboxStatus s : OutboxStatus.values()) {
            List<Long> ids = results.stream().filter(r -> r.status() == s).map(AttemptResult::id).toList();
            if (!ids.isEmpty()) {
                events.publish(OutboxEvent.changed(ids, s));
            }
        }
        results.clear();
    }

    private void deferAll(Claimant who, List<OutboxMessage> batch, String reason) {
        Instant now = clock.instant();
        List<AttemptResult> results = new ArrayList<>();
        for (OutboxMessage m : batch) {
            var next = settings.retry().next(m.attempts() + 1, m.createdAt(), now);
            results.add(next.isPresent()
                    ? new AttemptResult(m.id(), OutboxStatus.DEFERRED, next.get(), reason, null, List.of())
                    : new AttemptResult(m.id(), OutboxStatus.FAILED, null,
                        "gave up after " + settings.retry().giveUpAfter().toDays() + " days: " + reason, null, List.of()));
        }
        LOG.info("engine {}: {} message(s) deferred: {}", engine, batch.size(), reason);
        flush(who, results, new ArrayList<>());
    }

    private void failAll(Claimant who, List<OutboxMessage> batch, String reason) {
        List<AttemptResult> results = new ArrayList<>();
        for (OutboxMessage m : batch) {
            results.add(new AttemptResult(m.id(), OutboxStatus.FAILED, null, reason, null, List.of()));
        }
        LOG.warn("engine {}: {} message(s) failed: {}", engine, batch.size(), reason);
        flush(who, results, new ArrayList<>());
    }
}
