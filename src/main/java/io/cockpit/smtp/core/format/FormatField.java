package io.cockpit.smtp.core.format;

/** Field names of the email format, as the CLI options spell them; problems and history use them. */
public final class FormatField {
    public static final String USER_URL = "user-url";
    public static final String OPERATOR_URL = "operator-url";
    public static final String LANGUAGES = "languages";
    public static final String DEFAULT_LANGUAGE = "default-language";
    public static final String LANG = "lang";

    private FormatField() {
    }

    /** "template.fr": the report subject template of one language. */
    public static String template(String language) {
        return "template." + language;
    }
}
