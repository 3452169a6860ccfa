package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import org.junit.jupiter.params.Parameter;

@OnEveryStore
class FormatCommandTest {
    @Parameter StoreKind store;
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    private CliRun run(String... args) {
        return CliRun.run(store, dir, null, args);
    }

    private JsonNode json(CliRun r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void showJsonOfANewStoreHasTheContractKeys() throws Exception {
        JsonNode o = json(run("format", "show", "--json"));
        assertTrue(o.get("userUrl").isNull());
        assertTrue(o.get("operatorUrl").isNull());
        assertEquals("[\"fr\",\"en\"]", o.get("languages").toString());
        assertEquals("fr", o.get("defaultLanguage").asText());
        assertTrue(o.get("reportSubjectTemplates").has("fr"));
        assertTrue(o.get("reportSubjectTemplates").get("en").isNull());
    }

    @Test
    void setChangesOnlyTheFieldsGiven() throws Exception {
        CliRun set = run("format", "set", "--user-url", "https://support.example.com", "--languages", "fr,en,de",
                "--default-language", "en");
        assertEquals(0, set.code(), set.err());
        run("format", "set", "--operator-url", "https://ops.example.com");
        JsonNode o = json(run("format", "show", "--json"));
        assertEquals("https://support.example.com", o.get("userUrl").asText());
        assertEquals("https://ops.example.com", o.get("operatorUrl").asText());
        assertEquals("[\"fr\",\"en\",\"de\"]", o.get("languages").toString());
        assertEquals("en", o.get("defaultLanguage").asText());
    }

    @Test
    void badUrlIsRefusedNamingTheFieldAndNothingChanges() throws Exception {
        CliRun r = run("format", "set", "--user-url", "ftp://x", "--languages", "fr,en,de");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("user-url: must be an absolute http:// or https:// URL"), r.err());
        assertEquals(3, json(run("format", "show", "--json")).get("languages").size() + 1);
    }

    @Test
    void defaultLanguageMustBeListed() {
        CliRun r = run("format", "set", "--languages", "en", "--default-language", "de");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("default-language: is not one of the portal's languages"), r.err());
    }

    @Test
    void templateSetRefusesAnUnknownVariableWithItsColumn() throws Exception {
        CliRun r = run("template", "set", "--lang", "fr", "--text", "Rapport ${REPORT_NAM}");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("column 9: unknown variable ${REPORT_NAM}"), r.err());
        assertTrue(json(run("format", "show", "--json")).get("reportSubjectTemplates").get("fr").isNull());
    }

    @Test
    void templateSetRefusesASyntaxErrorWithItsColumn() {
        CliRun r = run("template", "set", "--lang", "fr", "--text", "Rapport ${A B}");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("column 9: malformed variable name"), r.err());
    }

    @Test
    void templateSetNeedsAListedLanguage() {
        CliRun r = run("template", "set", "--lang", "de", "--text", "Bericht");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("lang: is not one of the portal's languages"), r.err());
    }

    @Test
    void templateSetFromAFileThenShowAndClear() throws Exception {
        Path file = dir.resolve("fr.txt");
        Files.writeString(file, "Rapport « ${REPORT_NAME} » 📊\n", StandardCharsets.UTF_8);
        CliRun set = run("template", "set", "--lang", "fr", "--file", file.toString());
        assertEquals(0, set.code(), set.err());
        assertEquals("Rapport « ${REPORT_NAME} » 📊",
                json(run("format", "show", "--json")).get("reportSubjectTemplates").get("fr").asText());
        assertEquals(0, run("template", "clear", "--lang", "fr").code());
        assertTrue(json(run("format", "show", "--json")).get("reportSubjectTemplates").get("fr").isNull());
    }

    @Test
    void templateSetNeedsExactlyOneSource() {
        assertEquals(2, run("template", "set", "--lang", "fr").code());
        assertEquals(2, run("template", "set", "--lang", "fr", "--text", "a", "--file", "x").code());
    }

    @Test
    void previewPrintsTheSubjectAfterFallback() throws Exception {
        run("template", "set", "--lang", "fr", "--text", "Rapport ${REPORT_NAME} (${PERIOD_START})");
        CliRun r = run("template", "preview", "--lang", "en", "--var", "REPORT_NAME=Sales");
        assertEquals(0, r.code(), r.err());
        assertEquals("Rapport Sales (November 2, 2026)", r.out().strip());
        assertEquals("", r.err());
        JsonNode o = json(run("template", "preview", "--lang", "en", "--json"));
        assertEquals("Rapport Open incidents (November 2, 2026)", o.get("subject").asText());
        assertEquals("en", o.get("language").asText());
        assertEquals("fr", o.get("fallbackFrom").asText());
        assertEquals(0, o.get("problems").size());
        JsonNode fr = json(run("template", "preview", "--lang", "fr", "--json"));
        assertTrue(fr.get("fallbackFrom").isNull());
    }

    @Test
    void previewWarnsOnStderrAndExitsZero() throws Exception {
        CliRun r = run("template", "preview", "--lang", "fr", "--text", "x ${NOPE} ${USER_PORTAL_URL}");
        assertEquals(0, r.code());
        assertEquals("x", r.out().strip());
        assertTrue(r.err().contains("warning: column 3: unknown variable ${NOPE}"), r.err());
        assertTrue(r.err().contains("warning: column 11: no value"), r.err());
        JsonNode o = json(run("template", "preview", "--lang", "fr", "--text", "x ${NOPE}", "--json"));
        JsonNode p = o.get("problems").get(0);
        assertEquals("warning", p.get("severity").asText());
        assertEquals(3, p.get("column").asInt());
        assertTrue(p.get("message").asText().contains("NOPE"));
    }

    @Test
    void previewOfASyntaxErrorExitsTwoWithItsColumn() throws Exception {
        CliRun r = run("template", "preview", "--lang", "fr", "--text", "Hello ${");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("error: column 7:"), r.err());
        CliRun j = run("template", "preview", "--lang", "fr", "--text", "Hello ${1A}", "--json");
        assertEquals(2, j.code());
        JsonNode p = JSON.readTree(j.out()).get("problems").get(0);
        assertEquals("error", p.get("severity").asText());
        assertEquals(7, p.get("column").asInt());
    }

    @Test
    void previewNeverLetsAValueAddAHeaderLine() throws Exception {
        JsonNode o = json(run("template", "preview", "--lang", "fr", "--text", "R ${REPORT_NAME}",
                "--var", "REPORT_NAME=a\r\nBcc: x@example.com", "--json"));
        assertEquals("R a Bcc: x@example.com", o.get("subject").asText());
    }

    @Test
    void variablesListsTheCatalogue() throws Exception {
        JsonNode arr = json(run("template", "variables", "--json"));
        assertEquals(9, arr.size());
        assertEquals("REPORT_NAME", arr.get(0).get("name").asText());
        assertEquals("Incidents ouverts", arr.get(0).get("samples").get("fr").asText());
        CliRun human = run("template", "variables");
        assertTrue(human.out().contains("OPERATOR_PORTAL_URL"));
    }
}
