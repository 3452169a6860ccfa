package io.cockpit.smtp.ui.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.template.ReportCatalogue;
import io.cockpit.smtp.core.template.Template;
import io.cockpit.smtp.core.template.TemplateVariable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Completion and highlighting, the editor's two pieces of logic, without the toolkit. */
class EditorHelpersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${|2|''", "a ${REP|7|REP", "a ${rep|7|rep", "${A}|4|", "$${RE|5|", "$ {|3|", "x|1|", "${REPORT_NAME}|5|REP"})
    void prefixIsWhatFollowsAnOpenReference(String text, int caret, String expected) {
        assertEquals(Optional.ofNullable(expected), Completion.prefixAt(text, caret));
    }

    @Test
    void candidatesStartWithThePrefix() {
        assertEquals(List.of("PERIOD_START", "PERIOD_END"),
                Completion.candidates("per").stream().map(TemplateVariable::name).toList());
        assertEquals(9, Completion.candidates("").size());
    }

    @Test
    void spansCoverTheTextAndMarkEachKind() {
        String src = "a ${REPORT_NAME} ${NOPE} ${1} $${X} ${PERIOD_END:-?}";
        List<HighlightSpans.Span> spans = HighlightSpans.of(Template.parse(src), ReportCatalogue.get().names());
        assertEquals(src.length(), spans.stream().mapToInt(HighlightSpans.Span::length).sum());
        assertTrue(styleAt(spans, src.indexOf("REPORT_NAME")).contains(HighlightSpans.VARIABLE));
        assertTrue(styleAt(spans, src.indexOf("NOPE")).contains(HighlightSpans.UNKNOWN));
        assertTrue(styleAt(spans, src.indexOf("${1}") + 2).contains(HighlightSpans.ERROR));
        assertTrue(styleAt(spans, src.indexOf("$${")).contains(HighlightSpans.ESCAPE));
        assertTrue(styleAt(spans, src.indexOf("?")).contains(HighlightSpans.FALLBACK));
        assertTrue(styleAt(spans, 0).isEmpty());
    }

    private static List<String> styleAt(List<HighlightSpans.Span> spans, int offset) {
        return spans.stream().filter(s -> s.start() <= offset && offset < s.end()).findFirst().orElseThrow().styles();
    }
}
