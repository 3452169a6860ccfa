package io.cockpit.smtp.core.outbox;

import java.util.List;
import java.util.Map;

/** A validated message with its subject and bodies rendered, ready to be stored. {@code htmlBody} may be null. */
public record PreparedMessage(Flow flow, String lang, Audience audience, List<String> to, String subject, String body,
                              String htmlBody, Map<String, String> vars, String messageId, String engine) {
    public PreparedMessage {
        to = List.copyOf(to);
        vars = Map.copyOf(vars);
    }
}
