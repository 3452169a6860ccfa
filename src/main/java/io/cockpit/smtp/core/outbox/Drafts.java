package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.gateway.GatewayConfig;
import io.cockpit.smtp.core.mail.MailDraft;
import java.time.Instant;

/** A stored message and the gateway it leaves through make the draft the mail code builds: From and Reply-To come from the gateway at send time. */
public final class Drafts {
    private Drafts() {
    }

    public static MailDraft of(OutboxMessage m, GatewayConfig gateway, Instant date) {
        return new MailDraft(m.messageId(), gateway.from(), gateway.displayName(), gateway.replyTo(), m.to(), m.subject(),
                m.body(), m.htmlBody(), date);
    }
}
