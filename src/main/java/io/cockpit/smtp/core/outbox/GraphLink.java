package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.graph.GraphClient;
import io.cockpit.smtp.core.graph.GraphReply;
import io.cockpit.smtp.core.mail.DeliveryOutcome;
import io.cockpit.smtp.core.mail.MailDraft;
import io.cockpit.smtp.core.mail.MimeMessages;
import io.cockpit.smtp.core.mail.MessageBuildException;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch through Microsoft Graph: each message is built exactly as for SMTP and posted as MIME to the mailbox's
 * {@code sendMail}. Graph takes a message whole or not at all, so every recipient shares its outcome: 202 sent;
 * 429/503 deferred for the Retry-After the service gives, and the rest of the batch waits too; 401 deferred (the token
 * is dropped, the next try gets a new one); 403 failed, with the rest of the batch (a permission is missing: no
 * message can go until it is granted); other 4xx failed; 5xx and no answer deferred.
 */
final class GraphLink implements MailLink {
    private final GraphClient client;
    private final GatewayConfig gateway;
    private final char[] token;
    private final Runnable tokenRejected;

    /**
     * @param token the application token, copied here and wiped at close
     * @param tokenRejected called on a 401, so the next try asks the provider for a new token
     */
    GraphLink(GraphClient client, GatewayConfig gateway, char[] token, Runnable tokenRejected) {
        this.client = client;
        this.gateway = gateway;
        this.token = token.clone();
        this.tokenRejected = tokenRejected;
    }

    @Override
    public Attempt send(MailDraft draft, List<String> envelope) {
        byte[] mime;
        try {
            mime = MimeMessages.wire(draft);
        } catch (MessageBuildException e) {
            return all(envelope, DeliveryOutcome.Kind.PERMANENT, "the message cannot be built: " + e.getMessage(),
                    null, false, null);
        }
        GraphReply reply;
        try {
            reply = client.sendMail(gateway.effectiveGraphUrl(), gateway.username(), token, mime, null);
        } catch (IOException e) {
            return all(envelope, DeliveryOutcome.Kind.TEMPORARY, "Microsoft Graph cannot be reached: " + e, null, true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return all(envelope, DeliveryOutcome.Kind.TEMPORARY, "stopped while Microsoft Graph was answering", null, true, null);
        }
        String words = "Microsoft Graph: " + reply.summary();
        if (reply.accepted()) {
            return all(envelope, DeliveryOutcome.Kind.ACCEPTED, "HTTP 202 Accepted", null, false, null);
        }
        if (reply.throttled()) {
            return all(envelope, DeliveryOutcome.Kind.TEMPORARY, words, retryAfterOrDefault(reply), true, null);
        }
        if (reply.tokenRejected()) {
            tokenRejected.run();
            return all(envelope, DeliveryOutcome.Kind.TEMPORARY, words + " (the token is renewed for the next try)",
                    null, true, null);
        }
        if (reply.permissionMissing()) {
            String why = words + " (the application needs the Mail.Send application permission, consented by an "
                    + "administrator, for this mailbox)";
            return all(envelope, DeliveryOutcome.Kind.PERMANENT, why, null, true, why);
        }
        if (reply.status() >= 500) {
            return all(envelope, DeliveryOutcome.Kind.TEMPORARY, words, reply.retryAfter(), true, null);
        }
        return all(envelope, DeliveryOutcome.Kind.PERMANENT, words, null, false, null);
    }

    /** A throttle without Retry-After: a minute, as Graph's throttling guidance suggests backing off. */
    private static Duration retryAfterOrDefault(GraphReply reply) {
        return reply.retryAfter() != null ? reply.retryAfter() : Duration.ofMinutes(1);
    }

    private static Attempt all(List<String> envelope, DeliveryOutcome.Kind kind, String reply, Duration retryAfter,
                               boolean stop, String failRest) {
        Map<String, DeliveryOutcome.AddressOutcome> out = new LinkedHashMap<>();
        envelope.forEach(a -> out.put(a, new DeliveryOutcome.AddressOutcome(kind, reply)));
        return new Attempt(new DeliveryOutcome(out, reply, false), retryAfter, stop, failRest);
    }

    @Override
    public void close() {
        Arrays.fill(token, '\0');
    }
}
