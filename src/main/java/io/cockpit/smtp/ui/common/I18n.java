package io.cockpit.smtp.ui.common;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.StringConverter;

/**
 * The console's words: one bundle family {@code io/cockpit/smtp/ui/i18n/messages*.properties}, French by default,
 * English when the system speaks English; switchable at run time through {@link #localeProperty()}.
 *
 * <p>Key conventions (checked by LocalizationConsistencyTest): FXML uses {@code %key}; code uses
 * {@code i18n.get("key")}; keys kept as data (the screen registry) are wrapped in {@link #key(String)}; enum values
 * use {@code <family>.<CONSTANT>} through {@link #of(String, Enum)} or {@link #converter(String)}.
 */
public final class I18n {
    public static final String BUNDLE = "io.cockpit.smtp.ui.i18n.messages";
    public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
    private ResourceBundle bundle;

    public I18n(Locale initial) {
        locale.addListener((o, old, now) -> bundle = load(now));
        locale.set(initial);
    }

    /** French unless the system locale is English. */
    public static I18n forSystemLocale() {
        return new I18n(initialLocale(systemLocale(System.getenv())));
    }

    /**
     * The language the system asks for, read from the environment itself: Java falls back to English when the C
     * library lacks the locale (LANG=fr_FR.UTF-8 on a machine without French locales still means French).
     */
    static Locale systemLocale(java.util.Map<String, String> env) {
        if (!systemLocaleIsExplicit(env)) {
            return Locale.FRENCH;
        }
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                String lang = v.split("[_.@]", 2)[0];
                return lang.isBlank() ? Locale.FRENCH : Locale.forLanguageTag(lang);
            }
        }
        return Locale.getDefault();
    }

    /**
     * Java reports English for a machine with no locale at all (LANG unset, C or POSIX); that is no choice of English,
     * so the console keeps its French default there.
     */
    static boolean systemLocaleIsExplicit(java.util.Map<String, String> env) {
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return !(v.equals("C") || v.equals("POSIX") || v.startsWith("C.") || v.startsWith("POSIX."));
            }
        }
        return !System.getProperty("os.name", "").startsWith("Linux");
    }

    public static Locale initialLocale(Locale system) {
        return "en".equals(system.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    private static ResourceBundle load(Locale l) {
        // No fallback to the JVM's default locale: French is the base bundle, whatever the machine says.
        return ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Marks a string as a bundle key where it is kept as data rather than looked up at once. */
    public static String key(String key) {
        return key;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for a key, with {@link MessageFormat} arguments when given; a missing key shows as itself, never fails. */
    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? text : new MessageFormat(text, locale()).format(args);
    }

    /** A moment as the user reads dates: the language's own medium form, in this computer's time zone. */
    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale())
                .withZone(ZoneId.systemDefault()).format(instant);
    }

    /** The text for an enum value: key {@code <family>.<CONSTANT>}. */
    public String of(String family, Enum<?> value, Object... args) {
        return value == null ? "" : get(family + "." + value.name(), args);
    }

    /** Shows enum values in combo boxes through the keys {@code <family>.<CONSTANT>}. */
    public <E extends Enum<E>> StringConverter<E> converter(String family) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return of(family, value);
            }

            @Override
            public E fromString(String text) {
                throw new UnsupportedOperationException("choice lists are not editable");
            }
        };
    }
}
