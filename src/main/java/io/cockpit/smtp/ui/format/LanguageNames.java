package io.cockpit.smtp.ui.format;

import io.cockpit.smtp.ui.common.I18n;
import java.util.Locale;
import javafx.util.StringConverter;

/** "fr – français": a language tag with its name in the console's language. */
final class LanguageNames {
    private LanguageNames() {
    }

    static String label(String tag, I18n i18n) {
        if (tag == null) {
            return "";
        }
        String name = Locale.forLanguageTag(tag).getDisplayName(i18n.locale());
        return name.isBlank() || name.equals(tag) ? tag : tag + " – " + name;
    }

    /** Shows language tags by {@link #label} in a choice list. */
    static StringConverter<String> converter(I18n i18n) {
        return new StringConverter<>() {
            @Override
            public String toString(String tag) {
                return label(tag, i18n);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        };
    }
}
