package io.cockpit.smtp.ui.format;

import io.cockpit.smtp.core.template.Segment;
import io.cockpit.smtp.core.template.Template;
import io.cockpit.smtp.core.template.TemplateProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The editor's style classes, computed from the parse result the preview was rendered from: references, escapes,
 * syntax errors and unknown variables. Plain data, so it is tested without the toolkit.
 */
public final class HighlightSpans {
    public static final String VARIABLE = "template-variable";
    public static final String FALLBACK = "template-fallback";
    public static final String ESCAPE = "template-escape";
    public static final String ERROR = "template-error";
    public static final String UNKNOWN = "template-unknown";

    /** {@code [start, end)} of the source with its style classes (empty: plain text). */
    public record Span(int start, int end, List<String> styles) {
        public int length() {
            return end - start;
        }
    }

    private HighlightSpans() {
    }

    /** Spans covering the whole source, in order. */
    public static List<Span> of(Template template, Set<String> knownNames) {
        List<Span> out = new ArrayList<>();
        for (Segment s : template.segments()) {
            if (s instanceof Segment.Literal l) {
                out.add(new Span(l.start(), l.end(), l.escape() ? List.of(ESCAPE) : List.of()));
            } else if (s instanceof Segment.Malformed m) {
                out.add(new Span(m.start(), m.end(), List.of(ERROR)));
            } else if (s instanceof Segment.Variable v) {
                boolean known = knownNames.contains(v.name());
                List<String> styles = known ? List.of(VARIABLE) : List.of(VARIABLE, UNKNOWN);
                if (v.fallback() == null) {
                    out.add(new Span(v.start(), v.end(), styles));
                } else {
                    int fallbackStart = v.nameEnd() + 2;
                    out.add(new Span(v.start(), fallbackStart, styles));
                    out.add(new Span(fallbackStart, v.end() - 1, List.of(FALLBACK)));
                    out.add(new Span(v.end() - 1, v.end(), styles));
                }
            }
        }
        return out;
    }

    /** True when a problem stops the template from being saved (syntax errors and unknown variables do). */
    public static boolean blocksSave(TemplateProblem p) {
        return p.isError() || p.kind() == TemplateProblem.Kind.UNKNOWN_VARIABLE;
    }
}
