package io.cockpit.smtp.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.template.TemplateProblem.Kind;
import io.cockpit.smtp.core.validation.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {
    private static final Map<String, String> VALUES = Map.of("NAME", "Ventes", "EMPTY", "", "OTHER", "X");
    private static final Set<String> KNOWN = Set.of("NAME", "EMPTY", "OTHER", "UNSET");

    private static String render(String template) {
        return Template.parse(template).render(VALUES);
    }

    /** The syntax table of docs/cli.md, row by row (with the neighbours that make each row unambiguous). */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // ${NAME}: the value of NAME
            "${NAME}|Ventes",
            "Rapport ${NAME} prêt|Rapport Ventes prêt",
            // ${NAME:-fallback}: the value, or the fallback when missing or empty
            "${NAME:-aucun}|Ventes",
            "${UNSET:-aucun}|aucun",
            "${EMPTY:-vide}|vide",
            "a ${UNSET:-} b|a  b",
            // the fallback ends at the first }
            "${UNSET:-x}y}|xy}",
            "${UNSET:-a:-b}|a:-b",
            "${UNSET:-{x}|{x",
            // $${ is a literal ${
            "$${|${",
            "$${NAME}|${NAME}",
            "cost $${NAME} is ${NAME}|cost ${NAME} is Ventes",
            // any other character, a lone $ included, is itself
            "$|$",
            "5 $|5 $",
            "$ 5|$ 5",
            "$$|$$",
            "$NAME|$NAME",
            "{NAME}|{NAME}",
            "a}b|a}b",
            "$$$|$$$",
            "$$${NAME}|$${NAME}",
            "$${NAME}${NAME}|${NAME}Ventes",
            // a missing value without fallback renders as nothing
            "[${UNSET}]|[]",
    })
    void rendersTheSyntaxTable(String template, String expected) {
        assertEquals(expected, render(template));
    }

    @Test
    void adjacentAndRepeatedVariables() {
        assertEquals("VentesXVentes", render("${NAME}${OTHER}${NAME}"));
        assertEquals("Ventes Ventes Ventes", render("${NAME} ${NAME} ${NAME}"));
        assertEquals(3, variables("${NAME}${OTHER}${NAME}").size());
    }

    @Test
    void dollarAtTheEndIsItself() {
        assertEquals("total $", render("total $"));
        assertEquals("Ventes$", render("${NAME}$"));
        assertTrue(Template.parse("a $").syntaxErrors().isEmpty());
    }

    @Test
    void unclosedReferenceIsASyntaxErrorAtItsColumn() {
        Template t = Template.parse("Hello ${NAME");
        TemplateProblem p = single(t.syntaxErrors());
        assertEquals(Kind.UNCLOSED, p.kind());
        assertEquals(7, p.column());
        assertEquals(6, p.start());
        assertEquals(12, p.end());
        assertEquals(Severity.ERROR, p.severity());
    }

    @Test
    void emptyNameIsASyntaxErrorAtItsColumn() {
        TemplateProblem p = single(Template.parse("ab ${}").syntaxErrors());
        assertEquals(Kind.EMPTY_NAME, p.kind());
        assertEquals(4, p.column());
        assertEquals(Kind.EMPTY_NAME, single(Template.parse("${:-x}").syntaxErrors()).kind());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${1A}|1|1A",
            "x ${A B}|3|A B",
            "Rapport ${name}|9|name",
            "${A-B}|1|A-B",
            "${_A}|1|_A",
            "${A:B}|1|A:B",
            "${ A}|1|' A'",
    })
    void malformedNamesAreSyntaxErrorsAtTheirColumn(String template, int column, String name) {
        TemplateProblem p = single(Template.parse(template).syntaxErrors());
        assertEquals(Kind.BAD_NAME, p.kind());
        assertEquals(column, p.column());
        assertEquals(name, p.name());
    }

    @Test
    void malformedReferencesRenderAsTypedAndTheRestStillRenders() {
        Template t = Template.parse("${1A} ${NAME}");
        assertEquals("${1A} Ventes", t.render(VALUES));
        assertInstanceOf(Segment.Malformed.class, t.segments().get(0));
    }

    @Test
    void columnsCountAnEmojiAsOneCharacter() {
        TemplateProblem p = single(Template.parse("🎉 é ${").syntaxErrors());
        assertEquals(5, p.column());
        assertEquals(5, p.start()); // UTF-16: the emoji is two chars
    }

    @Test
    void nonAsciiAndEmojiPassThrough() {
        Map<String, String> v = Map.of("NAME", "Ünïcödé 日本 🎉");
        assertEquals("Résumé « Ünïcödé 日本 🎉 » 📊", Template.parse("Résumé « ${NAME} » 📊").render(v));
    }

    @Test
    void valueHoldingAReferenceIsNeverExpanded() {
        Map<String, String> v = Map.of("NAME", "${OTHER}", "OTHER", "boom");
        assertEquals("x ${OTHER} y", Template.parse("x ${NAME} y").render(v));
        assertEquals("$${OTHER}", Template.parse("${NAME}").render(Map.of("NAME", "$${OTHER}")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"CR,000D", "LF,000A", "TAB,0009", "NUL,0000", "VT,000B", "DEL,007F", "NEL,0085",
            "LINE SEPARATOR,2028", "PARAGRAPH SEPARATOR,2029"})
    void controlCharactersInAValueBecomeOneSpace(String label, String hex) {
        String control = String.valueOf((char) Integer.parseInt(hex, 16));
        Map<String, String> v = Map.of("NAME", "a" + control + control + "b" + control);
        assertEquals("[a b ]", Template.parse("[${NAME}]").render(v));
        String injected = Template.parse("Subject:${NAME}")
                .render(Map.of("NAME", control + "a" + control + "Bcc: x@example.com" + control));
        assertEquals("Subject: a Bcc: x@example.com", injected);
    }

    @Test
    void controlRunsAcrossPiecesCollapseToOneSpace() {
        Map<String, String> v = Map.of("NAME", "\r\nx\t", "OTHER", "\n");
        assertEquals("a x b", Template.parse("a\n${NAME}${OTHER}\tb").render(v));
    }

    @Test
    void endsAreTrimmed() {
        assertEquals("x", Template.parse("  ${NAME:-}\n x \t ").render(Map.of()));
        assertEquals("", Template.parse("\r\n${EMPTY}\t").render(VALUES));
        assertEquals("Ventes", Template.parse("${OTHER}").render(Map.of("OTHER", "\u00A0 Ventes \n")));
    }

    @Test
    void segmentsCoverTheSourceInOrder() {
        String src = "A $${B} ${NAME:-x} ${1} $";
        int at = 0;
        for (Segment s : Template.parse(src).segments()) {
            assertEquals(at, s.start());
            at = s.end();
        }
        assertEquals(src.length(), at);
    }

    @Test
    void variableSegmentKnowsWhereItsNameIs() {
        Segment.Variable v = variables("ab ${NAME:-z}").get(0);
        assertEquals(3, v.start());
        assertEquals(13, v.end());
        assertEquals(5, v.nameStart());
        assertEquals(9, v.nameEnd());
        assertEquals("z", v.fallback());
    }

    @Test
    void lintReportsUnknownVariablesAsWarningsWithColumns() {
        List<TemplateProblem> problems = Template.parse("é ${NAME} ${NOPE} ${1}").lint(KNOWN);
        assertEquals(2, problems.size());
        assertEquals(Kind.UNKNOWN_VARIABLE, problems.get(0).kind());
        assertEquals(Severity.WARNING, problems.get(0).severity());
        assertEquals(11, problems.get(0).column());
        assertEquals("NOPE", problems.get(0).name());
        assertEquals(Kind.BAD_NAME, problems.get(1).kind());
        assertFalse(Template.parse("${NAME}").lint(KNOWN).iterator().hasNext());
    }

    @Test
    void missingValuesAreWarningsUnlessAFallbackIsGiven() {
        Map<String, String> v = new HashMap<>(VALUES);
        List<TemplateProblem> missing = Template.parse("${UNSET} ${EMPTY} ${UNSET:-x} ${NAME}").missingValues(v, KNOWN);
        assertEquals(List.of("UNSET", "EMPTY"), missing.stream().map(TemplateProblem::name).toList());
        assertTrue(missing.stream().allMatch(p -> p.kind() == Kind.VALUE_MISSING));
    }

    @Test
    void nullAndEmptyTemplatesRenderEmpty() {
        assertEquals("", Template.parse(null).render(VALUES));
        assertEquals("", Template.parse("").render(VALUES));
        assertTrue(Template.parse("").segments().isEmpty());
    }

    private static TemplateProblem single(List<TemplateProblem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    /** The variable references, in order (a name used twice appears twice). */
    private static List<Segment.Variable> variables(String template) {
        return Template.parse(template).segments().stream()
                .filter(Segment.Variable.class::isInstance).map(Segment.Variable.class::cast).toList();
    }
}
