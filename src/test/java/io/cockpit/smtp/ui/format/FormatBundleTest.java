package io.cockpit.smtp.ui.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.template.TemplateProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.ui.BundleCheck;
import io.cockpit.smtp.ui.common.FormModel;
import io.cockpit.smtp.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every word the Format des emails screen needs is in both languages, and the worded problems format. */
class FormatBundleTest {
    private static List<String> neededKeys() throws Exception {
        List<String> keys = new ArrayList<>(List.of("nav.portal", "nav.format", "format.fallback.builtin",
                "format.fallback.language", "format.variables.sample", "format.tab.default", "format.preview.noSender"));
        for (Problem p : Problem.values()) keys.add("problem." + p.name());
        for (TemplateProblem.Kind k : TemplateProblem.Kind.values()) keys.add("format.problem." + k.name());
        for (FormModel.Notice n : FormModel.Notice.values()) keys.add("format.notice." + n.name());
        for (String fxml : List.of("FormatView.fxml", "TemplateTabView.fxml")) {
            keys.addAll(BundleCheck.fxmlKeys("/io/cockpit/smtp/ui/format/" + fxml));
        }
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_fr", "_en"})
    void everyKeyOfTheScreenIsInTheBundle(String suffix) throws Exception {
        BundleCheck.assertAllInBundle(suffix, neededKeys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void problemsAreWordedWithTheirColumnAndName(String lang) {
        I18n i18n = new I18n(Locale.forLanguageTag(lang));
        for (TemplateProblem.Kind k : TemplateProblem.Kind.values()) {
            String text = i18n.of("format.problem", k, 12, "NOPE", "${NOPE}");
            assertTrue(text.contains("12"), text);
            if (k == TemplateProblem.Kind.UNKNOWN_VARIABLE || k == TemplateProblem.Kind.VALUE_MISSING) {
                assertTrue(text.contains("${NOPE}"), text);
            }
        }
        String fallback = i18n.get("format.fallback.language", "fr – français");
        assertTrue(fallback.contains("fr – français") && !fallback.contains("''"), fallback);
        assertEquals(lang.equals("fr") ? "Colonne 9 : variable inconnue ${X} ; l'enregistrement est refusé."
                : "Column 9: unknown variable ${X}; saving is refused.",
                i18n.of("format.problem", TemplateProblem.Kind.UNKNOWN_VARIABLE, 9, "X", "${X}"));
    }
}
