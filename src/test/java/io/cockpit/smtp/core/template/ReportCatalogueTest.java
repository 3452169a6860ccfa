package io.cockpit.smtp.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportCatalogueTest {
    private final ReportCatalogue catalogue = ReportCatalogue.get();

    @Test
    void holdsTheReportVariablesInTheirDisplayOrder() {
        assertEquals(List.of("REPORT_NAME", "REPORT_TYPE", "PERIOD_START", "PERIOD_END", "GENERATED_AT",
                "RECIPIENT_NAME", "COMPANY_NAME", "USER_PORTAL_URL", "OPERATOR_PORTAL_URL"),
                catalogue.variables().stream().map(TemplateVariable::name).toList());
        catalogue.variables().forEach(v -> {
            assertTrue(Template.isValidName(v.name()), v.name());
            assertFalse(v.description("fr").isBlank());
            assertFalse(v.description("en").isBlank());
        });
    }

    @Test
    void datesAreFormattedForTheLanguage() {
        assertEquals("2 novembre 2026", catalogue.samples("fr").get("PERIOD_START"));
        assertEquals("November 2, 2026", catalogue.samples("en").get("PERIOD_START"));
        assertEquals("2. November 2026", catalogue.samples("de").get("PERIOD_START"));
        assertTrue(catalogue.samples("fr").get("GENERATED_AT").startsWith("9 novembre 2026"));
    }

    @Test
    void everyVariableHasASampleInEveryLanguage() {
        for (String lang : List.of("fr", "en", "de", "pt-BR", "ja", "zh-Hant")) {
            Map<String, String> samples = catalogue.samples(lang);
            assertEquals(catalogue.names(), samples.keySet());
            samples.forEach((k, v) -> assertFalse(v == null || v.isBlank(), lang + " " + k));
        }
        assertNotEquals(catalogue.samples("fr").get("REPORT_NAME"), catalogue.samples("en").get("REPORT_NAME"));
    }

    @Test
    void builtInSubjectsUseOnlyCatalogueVariablesAndDifferByLanguage() {
        for (String lang : List.of("fr", "en", "de", "es", "it", "pt-BR", "nl", "ja")) {
            Template t = Template.parse(catalogue.builtInSubject(lang));
            assertTrue(t.lint(catalogue.names()).isEmpty(), lang);
        }
        assertEquals("Rapport Incidents ouverts du 2 novembre 2026 au 8 novembre 2026",
                Template.parse(catalogue.builtInSubject("fr")).render(catalogue.samples("fr")));
        assertEquals("Open incidents report: November 2, 2026 to November 8, 2026",
                Template.parse(catalogue.builtInSubject("en")).render(catalogue.samples("en")));
        // A language without words of its own gets the English subject.
        assertEquals(catalogue.builtInSubject("en"), catalogue.builtInSubject("ja"));
    }
}
