package io.cockpit.smtp.ui.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.format.EmailFormat;
import io.cockpit.smtp.core.format.FormatField;
import io.cockpit.smtp.core.format.ResolvedTemplate;
import io.cockpit.smtp.core.template.TemplateProblem;
import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.common.BackgroundRunner;
import io.cockpit.smtp.ui.common.FormModel;
import io.cockpit.smtp.ui.common.InlineRunner;
import io.cockpit.smtp.ui.common.QueuedRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Format des emails screen's logic without the FX toolkit: inline runner, real services on a real H2 file. */
class FormatViewModelTest {
    @TempDir Path dir;
    CoreServices services;
    FormatViewModel vm;

    @BeforeEach
    void open() {
        services = TestStore.open(dir);
        vm = newViewModel(new InlineRunner());
        vm.form().load();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private FormatViewModel newViewModel(BackgroundRunner runner) {
        return new FormatViewModel(services.formats(), services.gateways(), runner);
    }

    private TemplateTabViewModel tab(String lang) {
        return vm.tab(lang).orElseThrow();
    }

    @Test
    void loadsOneTabPerLanguageFallingBackToTheBuiltInSubjects() {
        assertEquals(List.of("fr", "en"), vm.tabs().stream().map(TemplateTabViewModel::language).toList());
        assertEquals(ResolvedTemplate.BUILT_IN, tab("fr").fallbackFromProperty().get());
        assertEquals("Rapport Incidents ouverts du 2 novembre 2026 au 8 novembre 2026", tab("fr").subjectProperty().get());
        assertEquals("Open incidents report: November 2, 2026 to November 8, 2026", tab("en").subjectProperty().get());
        assertFalse(vm.form().dirtyProperty().get());
        assertFalse(vm.form().canSaveProperty().get());
    }

    @Test
    void typingRendersThePreviewAndTheOtherTabFallsBackToIt() {
        tab("fr").textProperty().set("Rapport ${REPORT_NAME}");
        assertEquals("Rapport Incidents ouverts", tab("fr").subjectProperty().get());
        assertNull(tab("fr").fallbackFromProperty().get());
        tab("fr").textProperty().set("Rapport ${REPORT_NAME} – ${PERIOD_END}");
        assertEquals("Rapport Incidents ouverts – 8 novembre 2026", tab("fr").subjectProperty().get());
        // English has no template: it previews the French one, with English sample values.
        assertEquals("fr", tab("en").fallbackFromProperty().get());
        assertEquals("Rapport Open incidents – November 8, 2026", tab("en").subjectProperty().get());
        assertTrue(vm.form().canSaveProperty().get());
    }

    @Test
    void previewIsWhatTheCliPrints() throws Exception {
        tab("fr").textProperty().set("Rapport ${REPORT_NAME} ${GENERATED_AT}");
        vm.form().save();
        assertEquals(services.formats().preview("en", null, java.util.Map.of()).subject(), tab("en").subjectProperty().get());
    }

    @Test
    void unknownVariableIsReportedAndRefusesTheSave() {
        tab("fr").textProperty().set("x ${REPORT_NAM}");
        TemplateProblem p = tab("fr").problems().get(0);
        assertEquals(TemplateProblem.Kind.UNKNOWN_VARIABLE, p.kind());
        assertEquals(3, p.column());
        assertTrue(tab("fr").blockingProperty().get());
        assertTrue(vm.form().dirtyProperty().get());
        assertFalse(vm.form().canSaveProperty().get());
        tab("fr").textProperty().set("x ${REPORT_NAME}");
        assertTrue(vm.form().canSaveProperty().get());
    }

    @Test
    void syntaxErrorRefusesTheSave() {
        tab("en").textProperty().set("Report ${");
        assertEquals(TemplateProblem.Kind.UNCLOSED, tab("en").problems().get(0).kind());
        assertFalse(vm.form().canSaveProperty().get());
    }

    @Test
    void aLateResultIsDroppedForANewerOne() {
        QueuedRunner runner = new QueuedRunner();
        FormatViewModel slow = newViewModel(runner);
        slow.form().load();
        runner.runAll();
        TemplateTabViewModel fr = slow.tab("fr").orElseThrow();
        fr.textProperty().set("first ${REPORT_TYPE}");
        int afterFirst = runner.pending();
        fr.textProperty().set("second ${REPORT_TYPE}");
        // The newest request answers first, then the old one arrives late and must not win.
        runner.runAt(runner.pending() - 1);
        assertEquals("second Hebdomadaire", fr.subjectProperty().get());
        runner.runAll();
        assertEquals("second Hebdomadaire", fr.subjectProperty().get());
        assertEquals("second ${REPORT_TYPE}", fr.previewProperty().get().template().source());
        assertTrue(afterFirst > 0);
    }

    @Test
    void saveStoresAndRevertRestores() {
        tab("fr").textProperty().set("Rapport ${REPORT_NAME}");
        vm.userUrlProperty().set("https://support.example.com");
        vm.form().save();
        assertEquals(FormModel.Notice.SAVED, vm.form().noticeProperty().get());
        assertFalse(vm.form().dirtyProperty().get());
        EmailFormat stored = services.formats().load();
        assertEquals("Rapport ${REPORT_NAME}", stored.templateOf("fr").orElseThrow());
        assertEquals("https://support.example.com", stored.userUrl());
        TemplateTabViewModel before = tab("fr");
        tab("fr").textProperty().set("changed");
        vm.form().revert();
        assertTrue(before == tab("fr"), "the tab (and its editor) is kept across a save and a revert");
        assertEquals("Rapport ${REPORT_NAME}", tab("fr").textProperty().get());
        assertFalse(vm.form().dirtyProperty().get());
    }

    @Test
    void someoneElseSavingFirstIsAConflict() throws Exception {
        services.formats().save(EmailFormat.defaults().withTemplate("en", "Other ${REPORT_NAME}"));
        tab("fr").textProperty().set("Mine");
        vm.form().save();
        assertEquals(FormModel.Notice.CONFLICT, vm.form().noticeProperty().get());
        assertEquals("Other ${REPORT_NAME}", services.formats().load().templateOf("en").orElseThrow());
        vm.form().load();
        assertEquals("Other ${REPORT_NAME}", tab("en").textProperty().get());
        services.formats().save(services.formats().load().withUrls("https://new.example.com", null));
        vm.form().load();
        tab("fr").textProperty().set("${USER_PORTAL_URL}");
        assertEquals("https://new.example.com", tab("fr").subjectProperty().get(), "a reload brings the new URL into the samples");
    }

    @Test
    void urlsAreCheckedAsTypedAndFeedThePreview() {
        vm.userUrlProperty().set("ftp://files");
        assertEquals(Problem.URL_INVALID, vm.form().problems().property(FormatField.USER_URL).get().problem());
        assertFalse(vm.form().canSaveProperty().get());
        vm.userUrlProperty().set("https://portal.example.org");
        assertNull(vm.form().problems().property(FormatField.USER_URL).get());
        tab("fr").textProperty().set("Voir ${USER_PORTAL_URL}");
        assertEquals("Voir https://portal.example.org", tab("fr").subjectProperty().get());
        assertTrue(tab("fr").emailProperty().get().body().contains("https://portal.example.org"));
    }

    @Test
    void editingASampleValueRerendersThatTab() {
        tab("fr").textProperty().set("R ${COMPANY_NAME}");
        tab("fr").samples().stream().filter(s -> s.name().equals("COMPANY_NAME")).findFirst().orElseThrow()
                .valueProperty().set("ACME\r\nBcc: x@example.com");
        assertEquals("R ACME Bcc: x@example.com", tab("fr").subjectProperty().get());
    }

    @Test
    void addedLanguageFallsBackAndRemovingTheDefaultIsAProblem() {
        tab("fr").textProperty().set("Rapport ${REPORT_NAME}");
        vm.addLanguage("de");
        assertEquals("fr", tab("de").fallbackFromProperty().get());
        assertEquals("Rapport Offene Störungen", tab("de").subjectProperty().get());
        assertFalse(vm.addableLanguages().contains("de"));
        vm.removeLanguage("fr");
        assertEquals(Problem.LANGUAGE_NOT_LISTED, vm.form().problems().property(FormatField.DEFAULT_LANGUAGE).get().problem());
        assertFalse(vm.form().canSaveProperty().get());
        vm.defaultLanguageProperty().set("en");
        assertTrue(vm.form().canSaveProperty().get());
        assertEquals(ResolvedTemplate.BUILT_IN, tab("de").fallbackFromProperty().get());
    }

    @Test
    void sampleEmailShowsTheGatewaySender() throws Exception {
        var g = services.gateways().loadPortal().toBuilder().from("itsm@example.com").displayName("Service desk").build();
        services.gateways().save(g);
        FormatViewModel fresh = newViewModel(new InlineRunner());
        fresh.form().load();
        assertEquals("Service desk <itsm@example.com>", fresh.tab("fr").orElseThrow().emailProperty().get().from());
    }
}
