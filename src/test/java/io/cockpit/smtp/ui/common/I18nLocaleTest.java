package io.cockpit.smtp.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class I18nLocaleTest {
    @ParameterizedTest(name = "LANG={0} LC_ALL={1} -> explicit {2}")
    @CsvSource(nullValues = "-", value = {"en_US.UTF-8, -, true", "fr_FR.UTF-8, -, true", "C.UTF-8, -, false", "C, -, false",
            "POSIX, -, false", "-, en_GB.UTF-8, true", "en_US.UTF-8, C, false"})
    void aMachineWithoutLocaleIsNoChoiceOfEnglish(String lang, String lcAll, boolean explicit) {
        Map<String, String> env = new HashMap<>();
        if (lang != null) env.put("LANG", lang);
        if (lcAll != null) env.put("LC_ALL", lcAll);
        assertEquals(explicit, I18n.systemLocaleIsExplicit(env));
    }

    @ParameterizedTest(name = "LANG={0} -> {1}")
    @CsvSource({"en_US.UTF-8, en", "en_GB, en", "fr_FR.UTF-8, fr", "fr_CA.UTF-8@euro, fr", "de_DE.UTF-8, fr", "C.UTF-8, fr", "POSIX, fr"})
    void theLanguageIsReadFromTheEnvironmentNotFromJavasFallback(String lang, String expected) {
        assertEquals(expected, I18n.initialLocale(I18n.systemLocale(Map.of("LANG", lang))).getLanguage());
    }

    @ParameterizedTest
    @CsvSource({"en, en", "en_US, en", "fr, fr", "de, fr", "pt_BR, fr"})
    void englishOnlyWhenTheSystemSaysEnglishElseFrench(String system, String expected) {
        assertEquals(expected, I18n.initialLocale(Locale.forLanguageTag(system.replace('_', '-'))).getLanguage());
    }
}
