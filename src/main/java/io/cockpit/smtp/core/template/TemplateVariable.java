package io.cockpit.smtp.core.template;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A variable a template may use: its name, what it holds (in French and English; other languages read the English),
 * and how to make a sample value in a language (dates are formatted for that language).
 */
public record TemplateVariable(String name, String descriptionFr, String descriptionEn, Function<Locale, String> sample) {

    public String description(String language) {
        return language != null && Languages.primary(language).equals("fr") ? descriptionFr : descriptionEn;
    }

    public String sample(String language) {
        return sample.apply(Languages.locale(language));
    }

    /** A sample given as words per primary language, English for the others. */
    static Function<Locale, String> words(Map<String, String> byLanguage) {
        return locale -> byLanguage.getOrDefault(locale.getLanguage(), byLanguage.get("en"));
    }
}
