package io.cockpit.smtp.core.format;

/**
 * Which template a language's subject is made from, after fallback.
 *
 * @param language the language the subject is for (the one asked)
 * @param text the template text used
 * @param source where it came from
 * @param fallbackFrom null when the language's own template (or a given text) is used; otherwise the default
 *     language whose template is used, or {@link #BUILT_IN} for the built-in subject
 */
public record ResolvedTemplate(String language, String text, Source source, String fallbackFrom) {
    public static final String BUILT_IN = "builtin";

    public enum Source {
        /** A text given for the preview (the editor's or {@code --text}). */
        GIVEN,
        /** The language's own stored template. */
        OWN,
        /** The default language's template. */
        DEFAULT_LANGUAGE,
        /** The built-in subject of the language. */
        BUILT_IN
    }

    /** Language's own → the default language's → the built-in subject of that language. */
    public static ResolvedTemplate resolve(EmailFormat format, String language, String builtIn) {
        String own = format.reportSubjectTemplates().get(language);
        if (own != null) {
            return new ResolvedTemplate(language, own, Source.OWN, null);
        }
        String def = format.reportSubjectTemplates().get(format.defaultLanguage());
        if (def != null) {
            return new ResolvedTemplate(language, def, Source.DEFAULT_LANGUAGE, format.defaultLanguage());
        }
        return new ResolvedTemplate(language, builtIn, Source.BUILT_IN, BUILT_IN);
    }
}
