package io.cockpit.smtp.core.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How notification emails are made: the two portal URLs their links start from, the portal's languages (one is the
 * default), and the report-notification subject template of each language that has one of its own.
 *
 * @param userUrl end-user portal URL, or null when not set yet
 * @param operatorUrl operator portal URL, or null when not set yet
 * @param languages language tags in display order (fr, en, pt-BR)
 * @param reportSubjectTemplates language → template; a language absent from the map falls back
 * @param version the stored version this was read from (0: nothing stored yet), for optimistic locking
 */
public record EmailFormat(String userUrl, String operatorUrl, List<String> languages, String defaultLanguage,
                          Map<String, String> reportSubjectTemplates, long version) {

    public EmailFormat {
        languages = List.copyOf(languages);
        reportSubjectTemplates = Collections.unmodifiableMap(new LinkedHashMap<>(reportSubjectTemplates));
    }

    /** What a new store holds: French and English, French by default, no URL, the built-in subjects. */
    public static EmailFormat defaults() {
        return new EmailFormat(null, null, List.of("fr", "en"), "fr", Map.of(), 0);
    }

    public Optional<String> templateOf(String language) {
        return Optional.ofNullable(reportSubjectTemplates.get(language));
    }

    public EmailFormat withUrls(String user, String operator) {
        return new EmailFormat(user, operator, languages, defaultLanguage, reportSubjectTemplates, version);
    }

    public EmailFormat withLanguages(List<String> list, String defaultLang) {
        return new EmailFormat(userUrl, operatorUrl, list, defaultLang, reportSubjectTemplates, version);
    }

    /** With {@code template} for {@code language}; null or blank removes it (the language falls back again). */
    public EmailFormat withTemplate(String language, String template) {
        Map<String, String> m = new LinkedHashMap<>(reportSubjectTemplates);
        if (template == null || template.isBlank()) {
            m.remove(language);
        } else {
            m.put(language, template);
        }
        return new EmailFormat(userUrl, operatorUrl, languages, defaultLanguage, m, version);
    }

    public EmailFormat withVersion(long v) {
        return new EmailFormat(userUrl, operatorUrl, languages, defaultLanguage, reportSubjectTemplates, v);
    }
}
