package io.cockpit.smtp.core.outbox;

import io.cockpit.smtp.core.mail.DeliveryOutcome;
import io.cockpit.smtp.core.mail.MailDraft;
import io.cockpit.smtp.core.mail.SmtpBatch;
import java.util.List;

/** A batch over one SMTP connection: a lost connection ends the batch, the rest is given back. */
final class SmtpLink implements MailLink {
    private final SmtpBatch connection;

    SmtpLink(SmtpBatch connection) {
        this.connection = connection;
    }

    @Override
    public Attempt send(MailDraft draft, List<String> envelope) {
        DeliveryOutcome o = connection.send(draft, envelope);
        return new Attempt(o, null, o.connectionLost(), null);
    }

    @Override
    public void close() {
        connection.close();
    }
}
