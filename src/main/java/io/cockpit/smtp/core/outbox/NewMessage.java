package io.cockpit.smtp.core.outbox;

import java.util.List;
import java.util.Map;

/**
 * A message as a caller hands it over, before validation: every field as given ({@code null} when absent).
 * Subject and body absent: built in per flow and language.
 */
public record NewMessage(String flow, List<String> to, String lang, String audience, String subject, String body,
                         Map<String, String> vars, String engine) {
    public NewMessage {
        to = to == null ? List.of() : List.copyOf(to);
        vars = vars == null ? Map.of() : Map.copyOf(vars);
    }
}
