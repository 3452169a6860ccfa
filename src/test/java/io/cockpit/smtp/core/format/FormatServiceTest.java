package io.cockpit.smtp.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.history.HistoryEntry;
import io.cockpit.smtp.core.store.ConflictException;
import io.cockpit.smtp.core.template.TemplateProblem;
import io.cockpit.smtp.core.validation.FieldProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import org.junit.jupiter.params.Parameter;

/** The format service on a real H2 file. */
@OnEveryStore
class FormatServiceTest {
    @Parameter StoreKind store;
    @TempDir Path dir;
    private CoreServices core;
    private FormatService service;

    @BeforeEach
    void open() {
        core = TestStore.open(store, dir);
        service = core.formats();
    }

    @AfterEach
    void close() {
        core.close();
    }

    private static EmailFormat sample() {
        return EmailFormat.defaults().withUrls("https://support.example.com", "https://ops.example.com/agent")
                .withTemplate("fr", "Rapport ${REPORT_NAME} – ${PERIOD_START}");
    }

    @Test
    void newStoreGivesTheDefaults() {
        EmailFormat f = service.load();
        assertEquals(List.of("fr", "en"), f.languages());
        assertEquals("fr", f.defaultLanguage());
        assertEquals(0, f.version());
        assertTrue(f.reportSubjectTemplates().isEmpty());
    }

    @Test
    void savedFormatReadsBackAfterReopening() throws Exception {
        EmailFormat f = sample().withLanguages(List.of("en", "fr", "pt-BR"), "en").withTemplate("pt-BR", "Relatório ${REPORT_NAME}");
        EmailFormat saved = service.save(f);
        assertEquals(1, saved.version());
        core.close();
        core = TestStore.open(store, dir);
        EmailFormat read = core.formats().load();
        assertEquals(saved, read);
        assertEquals(List.of("en", "fr", "pt-BR"), read.languages());
        assertEquals("Relatório ${REPORT_NAME}", read.templateOf("pt-BR").orElseThrow());
    }

    @Test
    void saveRecordsTheChangedFieldsInTheHistory() throws Exception {
        EmailFormat v1 = service.save(sample());
        service.save(v1.withTemplate("fr", "Nouveau ${REPORT_NAME}").withTemplate("en", "New ${REPORT_NAME}"));
        List<HistoryEntry> recent = core.history().recent(10);
        assertTrue(recent.stream().anyMatch(e -> e.section().equals("format") && e.field().equals("template.fr")
                && "Nouveau ${REPORT_NAME}".equals(e.newValue()) && "Rapport ${REPORT_NAME} – ${PERIOD_START}".equals(e.oldValue())));
        assertTrue(recent.stream().anyMatch(e -> e.field().equals("template.en") && e.oldValue() == null));
        assertTrue(recent.stream().anyMatch(e -> e.field().equals("user-url") && "https://support.example.com".equals(e.newValue())));
    }

    @Test
    void staleVersionIsAConflictAndNothingIsSaved() throws Exception {
        EmailFormat v1 = service.save(sample());
        service.save(v1.withTemplate("fr", "Premier ${REPORT_NAME}"));
        ConflictException e = assertThrows(ConflictException.class, () -> service.save(v1.withTemplate("fr", "Second")));
        assertEquals(2, e.actualVersion());
        assertEquals("Premier ${REPORT_NAME}", service.load().templateOf("fr").orElseThrow());
    }

    @Test
    void twoFirstSavesAtOnceConflict() throws Exception {
        service.save(sample());
        assertThrows(ConflictException.class, () -> service.save(EmailFormat.defaults().withTemplate("en", "x")));
        assertEquals(1, service.load().version());
    }

    @Test
    void unknownVariableRefusesTheSaveAndKeepsTheStore() throws Exception {
        service.save(sample());
        EmailFormat bad = service.load().withTemplate("en", "Report ${REPORT_NAM}");
        ValidationException e = assertThrows(ValidationException.class, () -> service.save(bad));
        assertEquals(List.of(FieldProblem.error("template.en", Problem.TEMPLATE_UNKNOWN_VARIABLE)), e.problems());
        assertTrue(service.load().templateOf("en").isEmpty());
    }

    @Test
    void syntaxErrorRefusesTheSave() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.save(EmailFormat.defaults().withTemplate("fr", "Rapport ${")));
        assertEquals(Problem.TEMPLATE_SYNTAX, e.problems().get(0).problem());
    }

    @Test
    void checkNamesEachBadField() {
        EmailFormat f = new EmailFormat("ftp://x", "not a url", List.of("fr", "FR", "fr"), "de", Map.of(), 0);
        List<FieldProblem> problems = service.check(f);
        assertTrue(problems.contains(FieldProblem.error("user-url", Problem.URL_INVALID)));
        assertTrue(problems.contains(FieldProblem.error("operator-url", Problem.URL_INVALID)));
        assertTrue(problems.contains(FieldProblem.error("languages", Problem.LANGUAGE_INVALID)));
        assertTrue(problems.contains(FieldProblem.error("languages", Problem.LANGUAGE_DUPLICATE)));
        assertTrue(problems.contains(FieldProblem.error("default-language", Problem.LANGUAGE_NOT_LISTED)));
        assertTrue(service.check(EmailFormat.defaults().withLanguages(List.of(), "fr"))
                .contains(FieldProblem.error("languages", Problem.REQUIRED)));
    }

    @Test
    void templatesOfRemovedLanguagesAreDroppedOnSave() throws Exception {
        EmailFormat saved = service.save(sample().withTemplate("en", "E ${REPORT_NAME}").withLanguages(List.of("fr"), "fr"));
        assertEquals(Map.of("fr", "Rapport ${REPORT_NAME} – ${PERIOD_START}"), saved.reportSubjectTemplates());
    }

    @Test
    void languageFallsBackToTheDefaultLanguagesTemplate() {
        SubjectPreview p = service.preview(sample(), "en", null, Map.of());
        assertEquals("fr", p.fallbackFrom());
        assertEquals(ResolvedTemplate.Source.DEFAULT_LANGUAGE, p.resolved().source());
        assertEquals("en", p.language());
        // The French template, with the English recipient's values (dates in English).
        assertEquals("Rapport Open incidents – November 2, 2026", p.subject());
    }

    @Test
    void withNoTemplateAnywhereTheBuiltInSubjectOfTheLanguageIsUsed() {
        SubjectPreview p = service.preview(EmailFormat.defaults(), "en", null, Map.of());
        assertEquals(ResolvedTemplate.BUILT_IN, p.fallbackFrom());
        assertEquals("Open incidents report: November 2, 2026 to November 8, 2026", p.subject());
        SubjectPreview fr = service.preview(EmailFormat.defaults(), "fr", null, Map.of());
        assertEquals("Rapport Incidents ouverts du 2 novembre 2026 au 8 novembre 2026", fr.subject());
    }

    @Test
    void ownTemplateHasNoFallback() {
        SubjectPreview p = service.preview(sample(), "fr", null, Map.of("REPORT_NAME", "Ventes"));
        assertNull(p.fallbackFrom());
        assertEquals("Rapport Ventes – 2 novembre 2026", p.subject());
    }

    @Test
    void previewOfAGivenTextReportsUnknownAndMissingAsWarnings() {
        SubjectPreview p = service.preview(EmailFormat.defaults(), "fr", "${USER_PORTAL_URL} ${NOPE}", Map.of());
        assertEquals(List.of(TemplateProblem.Kind.VALUE_MISSING, TemplateProblem.Kind.UNKNOWN_VARIABLE),
                p.problems().stream().map(TemplateProblem::kind).toList());
        assertEquals("", p.subject());
        assertNull(p.fallbackFrom());
    }

    @Test
    void portalUrlsAreVariables() {
        assertEquals("Voir https://support.example.com",
                service.preview(sample(), "fr", "Voir ${USER_PORTAL_URL}", Map.of()).subject());
        assertEquals("Rapport Open incidents – Nov 2", service.reportSubject(sample(), "en",
                Map.of("REPORT_NAME", "Open incidents", "PERIOD_START", "Nov 2")));
    }

    @Test
    void parseResultsAreKeptForTheSameText() {
        assertTrue(service.parse("Rapport ${REPORT_NAME}") == service.parse("Rapport ${REPORT_NAME}"));
        assertEquals(service.parse("a").source(), "a");
    }

    @Test
    void sampleEmailHasSenderSubjectAndPortalLink() {
        EmailFormat f = sample();
        SubjectPreview p = service.preview(f, "fr", null, Map.of());
        SampleEmail mail = service.sampleEmail(p, f, "Service desk", "itsm@example.com", Map.of());
        assertEquals("Service desk <itsm@example.com>", mail.from());
        assertEquals(p.subject(), mail.subject());
        assertTrue(mail.body().contains("https://support.example.com"), mail.body());
        assertTrue(mail.body().startsWith("Bonjour Camille Martin,"), mail.body());
    }
}
