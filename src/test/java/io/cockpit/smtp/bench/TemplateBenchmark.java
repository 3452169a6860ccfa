package io.cockpit.smtp.bench;

import io.cockpit.smtp.core.format.EmailFormat;
import io.cockpit.smtp.core.format.FormatService;
import io.cockpit.smtp.core.format.SubjectPreview;
import io.cockpit.smtp.core.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.StringSubstitutor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Subject rendering: our parse + lint + render (and render alone, from the parse result the editor keeps) against
 * Apache Commons Text {@code StringSubstitutor} on the same 1,000-character template with 20 variables and the same
 * values; and the live preview of ten language tabs. Run (see docs/benchmarks/template.md):
 * {@code mvn -o -B test-compile exec:exec@jmh -Djmh.args="TemplateBenchmark -f1 -wi 3 -i 5 -w 1 -r 1"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TemplateBenchmark {
    static final int VARIABLES = 20;
    static final int LENGTH = 1000;

    String source;
    Map<String, String> values;
    Set<String> names;
    Template parsed;
    StringSubstitutor substitutor;

    FormatService formats;
    EmailFormat format;
    List<String> tabs;
    Map<String, String> editorTexts;

    @Setup
    public void setUp() {
        values = new LinkedHashMap<>();
        names = new LinkedHashSet<>();
        for (int i = 0; i < VARIABLES; i++) {
            String name = "VARIABLE_" + (char) ('A' + i);
            names.add(name);
            values.put(name, "value " + i + " é");
        }
        source = template();
        parsed = Template.parse(source);
        substitutor = new StringSubstitutor(values);
        String ours = parsed.render(values);
        String theirs = substitutor.replace(source);
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("the two renderers disagree:\n" + ours + "\n" + theirs);
        }

        // Ten open tabs, each with its own template in the editor (the preview of each is refreshed).
        formats = new FormatService(null, null); // preview(format, ...) never touches the store nor asks for a role
        tabs = List.of("fr", "en", "de", "es", "it", "pt-BR", "nl", "pl", "sv", "ja");
        format = EmailFormat.defaults().withUrls("https://support.example.com", "https://ops.example.com")
                .withLanguages(tabs, "fr");
        editorTexts = new LinkedHashMap<>();
        for (String lang : tabs) {
            editorTexts.put(lang, "[" + lang + "] Rapport ${REPORT_NAME} (${REPORT_TYPE}) du ${PERIOD_START} au "
                    + "${PERIOD_END} pour ${RECIPIENT_NAME:-vous} chez ${COMPANY_NAME} ${USER_PORTAL_URL} - $${X}");
        }
    }

    /** 1,000 characters: 20 references (every fifth with a fallback; both syntaxes agree on it) among plain text. */
    static String template() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < VARIABLES; i++) {
            String name = "VARIABLE_" + (char) ('A' + i);
            sb.append("Rapport n°").append(i).append(" équipe: ")
                    .append(i % 5 == 0 ? "${" + name + ":-aucun}" : "${" + name + "}").append(" ; ");
        }
        while (sb.length() < LENGTH) {
            sb.append(sb.length() % 7 == 0 ? ' ' : 'x');
        }
        if (sb.length() != LENGTH) {
            throw new IllegalStateException("template is " + sb.length() + " characters");
        }
        return sb.toString();
    }

    @Benchmark
    public String cockpitParseLintRender(Blackhole bh) {
        Template t = Template.parse(source);
        bh.consume(t.lint(names));
        return t.render(values);
    }

    @Benchmark
    public String cockpitRenderParsed() {
        return parsed.render(values);
    }

    @Benchmark
    public String commonsTextStringSubstitutor() {
        return substitutor.replace(source);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Object> previewTenTabs() {
        // What the screen does on a keystroke: for each open tab, the subject preview and the sample email.
        List<Object> out = new ArrayList<>(tabs.size() * 2);
        for (String lang : tabs) {
            SubjectPreview p = formats.preview(format, lang, editorTexts.get(lang), Map.of());
            out.add(p);
            out.add(formats.sampleEmail(p, format, "Service desk", "itsm@example.com", Map.of()));
        }
        return out;
    }
}
