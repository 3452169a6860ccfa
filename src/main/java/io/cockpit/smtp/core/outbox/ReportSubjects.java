package io.cockpit.smtp.core.outbox;

import java.util.Map;

/**
 * The subject of a report notification in a language, rendered from that language's template with the message's
 * variables (the Email-format feature). The built-in default is {@link BuiltInContent#reportSubject}.
 */
@FunctionalInterface
public interface ReportSubjects {
    String subject(String lang, Map<String, String> vars);

    ReportSubjects BUILT_IN = BuiltInContent::reportSubject;
}
