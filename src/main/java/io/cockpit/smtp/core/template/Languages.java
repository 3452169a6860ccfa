package io.cockpit.smtp.core.template;

import java.util.Locale;

/** Language tags as the portal writes them (fr, en, pt-BR) and the locale that formats for them. */
public final class Languages {
    private Languages() {
    }

    /** "pt-BR" → "pt"; the part that picks words and built-in subjects. */
    public static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    public static Locale locale(String tag) {
        return tag == null || tag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(tag);
    }
}
