package io.cockpit.smtp.core.mail;

import java.time.Instant;
import java.util.List;

/**
 * Everything one email is built from, as plain fields (never raw header text).
 *
 * @param to every recipient shown in the To header
 * @param html the HTML alternative, null for text only
 */
public record MailDraft(String messageId, String from, String displayName, String replyTo, List<String> to,
                        String subject, String text, String html, Instant date) {
    public MailDraft {
        to = List.copyOf(to);
    }
}
