package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.mail.DeliveryFailure;
import io.cockpit.smtp.core.mail.DeliveryOutcome;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.core.store.SecretUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an attempt means for each message, as the outbox records it. A recipient refused for now (4xx, connection lost,
 * timeout) defers the message with the retry policy's backoff, until the policy gives up and it fails; otherwise a
 * message is sent when a recipient accepted it, and failed with the server's words when every recipient was refused
 * for good (5xx). A batch that could not be sent at all waits, unless retrying cannot help as the gateway stands.
 */
final class AttemptOutcomes {
    private final RetryPolicy retry;

    AttemptOutcomes(RetryPolicy retry) {
        this.retry = retry;
    }

    /**
     * A batch that was not sent: each message's result, and whether they wait for another try ({@code retryable}) or
     * failed, for one {@code reason}.
     */
    record Unsent(boolean retryable, String reason, List<AttemptResult> results) {
        Unsent {
            results = List.copyOf(results);
        }
    }

    /** The recipients an attempt goes to: those neither accepted nor refused for good by an earlier one. */
    static List<Recipient> stillToSend(OutboxMessage m) {
        return m.recipients().stream().filter(r -> r.status().stillToSend()).toList();
    }

    /**
     * One message's attempt to the recipients {@code pending}. A recipient the server did not mention is counted as
     * refused for now: nothing says it was accepted.
     */
    AttemptResult of(OutboxMessage m, List<Recipient> pending, DeliveryOutcome outcome, Instant now) {
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
                // With several recipients the error says whose it is.
                error = pending.size() > 1 || m.recipients().size() > 1 ? r.address() + ": " + o.reply() : o.reply();
            }
            changed.add(new Recipient(r.position(), r.address(), s, o.reply()));
        }
        if (anyTemporary) {
            return deferred(m, error, changed, now);
        }
        if (anyAccepted) {
            return new AttemptResult(m.id(), OutboxStatus.SENT, null, error, now, changed);
        }
        return new AttemptResult(m.id(), OutboxStatus.FAILED, null, error, null, changed);
    }

    /**
     * The provider said when to try again (Retry-After): a deferred message waits that long rather than the policy's
     * backoff. A message the policy gave up on stays failed.
     */
    static AttemptResult deferredUntil(AttemptResult r, Instant when) {
        return r.status() != OutboxStatus.DEFERRED ? r
                : new AttemptResult(r.id(), OutboxStatus.DEFERRED, when, r.lastError(), r.sentAt(), r.recipients());
    }

    /**
     * No connection for the batch: it fails when retrying cannot help as the gateway stands (authentication configured
     * but not offered: nothing is ever sent unauthenticated), else it waits.
     */
    Unsent notConnected(List<OutboxMessage> batch, DeliveryFailure f, Instant now) {
        if (f.permanent()) {
            return failed(batch, f.getMessage());
        }
        // Credentials the server refuses are the configuration's to fix: waiting for that is no attempt.
        return f.authenticationRefused() ? waiting(batch, f.getMessage(), now) : deferred(batch, f.getMessage(), now);
    }

    /** The stored password cannot be decrypted: the batch waits until it is entered again (never a ciphertext as a password). */
    Unsent secretUnavailable(List<OutboxMessage> batch, SecretUnavailableException e, Instant now) {
        return waiting(batch, e.getMessage(), now);
    }

    /**
     * No OAuth 2.0 access token: the batch waits. A grant the configuration lacks or the provider refuses waits without
     * counting; a provider that cannot be reached is an attempt, as an unreachable SMTP server is.
     */
    Unsent tokenUnavailable(List<OutboxMessage> batch, OAuthException e, Instant now) {
        String reason = "OAuth 2.0: " + e.getMessage();
        return switch (e.reason()) {
            case NOT_CONFIGURED, CLIENT_REFUSED, GRANT_REFUSED -> waiting(batch, reason, now);
            default -> deferred(batch, reason, now);
        };
    }

    /**
     * The configuration prevents sending: each message waits for the retry policy's first delay, with no attempt
     * counted and never given up, so that fixing the configuration sends everything, however long it took.
     */
    private Unsent waiting(List<OutboxMessage> batch, String reason, Instant now) {
        List<AttemptResult> results = new ArrayList<>();
        for (OutboxMessage m : batch) {
            results.add(new AttemptResult(m.id(), OutboxStatus.DEFERRED, now.plus(retry.first()), reason, null,
                    List.of(), false));
        }
        return new Unsent(true, reason, results);
    }

    private Unsent deferred(List<OutboxMessage> batch, String reason, Instant now) {
        List<AttemptResult> results = new ArrayList<>();
        for (OutboxMessage m : batch) {
            results.add(deferred(m, reason, List.of(), now));
        }
        return new Unsent(true, reason, results);
    }

    private static Unsent failed(List<OutboxMessage> batch, String reason) {
        List<AttemptResult> results = new ArrayList<>();
        for (OutboxMessage m : batch) {
            results.add(new AttemptResult(m.id(), OutboxStatus.FAILED, null, reason, null, List.of()));
        }
        return new Unsent(false, reason, results);
    }

    /** Deferred until the policy's next try, or failed once the policy gives the message up. */
    private AttemptResult deferred(OutboxMessage m, String error, List<Recipient> changed, Instant now) {
        return retry.next(m.attempts() + 1, m.createdAt(), now)
                .map(next -> new AttemptResult(m.id(), OutboxStatus.DEFERRED, next, error, null, changed))
                .orElseGet(() -> new AttemptResult(m.id(), OutboxStatus.FAILED, null,
                        "gave up after " + retry.giveUpAfter().toDays() + " days: " + error, null, changed));
    }
}
