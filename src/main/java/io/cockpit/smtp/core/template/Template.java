package io.cockpit.smtp.core.template;

import io.cockpit.smtp.core.validation.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed subject template: the one parse result that feeds the editor's highlighting ({@link #segments()}), the
 * problems list ({@link #lint}) and the rendering ({@link #render}), so what the preview shows is what is sent.
 *
 * <p>Syntax (docs/cli.md, "Template syntax"): {@code ${NAME}} with NAME {@code [A-Z][A-Z0-9_]*};
 * {@code ${NAME:-fallback}}, the fallback ending at the first {@code }}; {@code $${} is a literal {@code ${}; any
 * other character, a lone {@code $} included, is itself. Immutable and thread-safe.
 */
public final class Template {
    private final String source;
    private final List<Segment> segments;
    private final List<TemplateProblem> syntaxErrors;

    // The segments again as flat arrays, so rendering is one loop without type tests or allocation per segment.
    private final String[] literals;   // text of a literal or malformed segment; null for a variable
    private final boolean[] clean;     // the literal holds no control character: appended in one call
    private final String[] names;      // variable name; null for a literal
    private final String[] fallbacks;  // fallback text or null
    private final int literalLength;
    private final int variableCount;

    private Template(String source, List<Segment> segments, List<TemplateProblem> syntaxErrors) {
        this.source = source;
        this.segments = Collections.unmodifiableList(segments);
        this.syntaxErrors = Collections.unmodifiableList(syntaxErrors);
        int n = segments.size();
        literals = new String[n];
        clean = new boolean[n];
        names = new String[n];
        fallbacks = new String[n];
        int length = 0;
        int vars = 0;
        for (int i = 0; i < n; i++) {
            Segment s = segments.get(i);
            if (s instanceof Segment.Variable v) {
                names[i] = v.name();
                fallbacks[i] = v.fallback();
                vars++;
            } else {
                String text = s instanceof Segment.Literal l ? l.text() : ((Segment.Malformed) s).source();
                literals[i] = text;
                clean[i] = !SubjectText.hasControl(text);
                length += text.length();
            }
        }
        literalLength = length;
        variableCount = vars;
    }

    /** Parses; never throws: syntax errors are in {@link #syntaxErrors()} and their segments render as typed. */
    public static Template parse(String text) {
        String src = text == null ? "" : text;
        List<Segment> out = new ArrayList<>();
        List<TemplateProblem> errors = new ArrayList<>(0);
        int n = src.length();
        int literalStart = 0;
        int i = 0;
        while (i < n) {
            int dollar = src.indexOf('$', i);
            if (dollar < 0 || dollar + 1 >= n) {
                break;
            }
            char next = src.charAt(dollar + 1);
            if (next == '$' && dollar + 2 < n && src.charAt(dollar + 2) == '{') {
                literal(out, src, literalStart, dollar);
                out.add(new Segment.Literal(dollar, dollar + 3, "${", true));
                i = literalStart = dollar + 3;
            } else if (next == '{') {
                literal(out, src, literalStart, dollar);
                i = literalStart = reference(out, errors, src, dollar);
            } else {
                i = dollar + 1;
            }
        }
        literal(out, src, literalStart, n);
        return new Template(src, out, errors);
    }

    private static void literal(List<Segment> out, String src, int from, int to) {
        if (to > from) {
            out.add(new Segment.Literal(from, to, src.substring(from, to), false));
        }
    }

    /** Parses the reference opened by the {@code ${} at {@code dollar}; returns where the text goes on. */
    private static int reference(List<Segment> out, List<TemplateProblem> errors, String src, int dollar) {
        int close = src.indexOf('}', dollar + 2);
        if (close < 0) {
            malformed(out, errors, src, dollar, src.length(), TemplateProblem.Kind.UNCLOSED, src.substring(dollar + 2));
            return src.length();
        }
        int sep = separator(src, dollar + 2, close);
        boolean hasFallback = sep >= 0;
        int nameEnd = hasFallback ? sep : close;
        String name = src.substring(dollar + 2, nameEnd);
        if (name.isEmpty()) {
            malformed(out, errors, src, dollar, close + 1, TemplateProblem.Kind.EMPTY_NAME, "");
        } else if (!isValidName(name)) {
            malformed(out, errors, src, dollar, close + 1, TemplateProblem.Kind.BAD_NAME, name);
        } else {
            String fallback = hasFallback ? src.substring(sep + 2, close) : null;
            out.add(new Segment.Variable(dollar, close + 1, name, fallback, dollar + 2));
        }
        return close + 1;
    }

    /** The first {@code :-} between {@code from} and {@code close}, or -1 (a bounded scan, not to the end of the text). */
    private static int separator(String src, int from, int close) {
        for (int i = from; i + 1 < close; i++) {
            if (src.charAt(i) == ':' && src.charAt(i + 1) == '-') {
                return i;
            }
        }
        return -1;
    }

    private static void malformed(List<Segment> out, List<TemplateProblem> errors, String src, int start, int end,
                                  TemplateProblem.Kind kind, String name) {
        TemplateProblem p = new TemplateProblem(kind, Severity.ERROR, start, end, column(src, start), name);
        errors.add(p);
        out.add(new Segment.Malformed(start, end, src.substring(start, end), p));
    }

    /** {@code [A-Z][A-Z0-9_]*}, checked by hand: no regex on the typing path. */
    public static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        char first = name.charAt(0);
        if (first < 'A' || first > 'Z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** 1-based column of a UTF-16 offset, counted in code points (an emoji is one column). */
    static int column(String src, int offset) {
        return src.codePointCount(0, offset) + 1;
    }

    public String source() {
        return source;
    }

    public List<Segment> segments() {
        return segments;
    }

    public List<TemplateProblem> syntaxErrors() {
        return syntaxErrors;
    }

    public boolean hasSyntaxErrors() {
        return !syntaxErrors.isEmpty();
    }

    /** Syntax errors, then every reference to a name the catalogue does not hold (a warning), in text order. */
    public List<TemplateProblem> lint(Set<String> knownNames) {
        List<TemplateProblem> out = new ArrayList<>(syntaxErrors.size() + 2);
        for (Segment s : segments) {
            if (s instanceof Segment.Malformed m) {
                out.add(m.problem());
            } else if (s instanceof Segment.Variable v && !knownNames.contains(v.name())) {
                out.add(new TemplateProblem(TemplateProblem.Kind.UNKNOWN_VARIABLE, Severity.WARNING, v.start(), v.end(),
                        column(source, v.start()), v.name()));
            }
        }
        return out;
    }

    /** Known references that would render as nothing: no value (or an empty one) and no fallback. Warnings. */
    public List<TemplateProblem> missingValues(Map<String, String> values, Set<String> knownNames) {
        List<TemplateProblem> out = new ArrayList<>(0);
        for (Segment s : segments) {
            if (s instanceof Segment.Variable v && v.fallback() == null && knownNames.contains(v.name())) {
                String value = values.get(v.name());
                if (value == null || value.isEmpty()) {
                    out.add(new TemplateProblem(TemplateProblem.Kind.VALUE_MISSING, Severity.WARNING, v.start(), v.end(),
                            column(source, v.start()), v.name()));
                }
            }
        }
        return out;
    }

    /**
     * The subject: every reference replaced by its value as it is (never expanded again), or by its fallback when the
     * value is missing or empty; then every run of control characters made one space and the ends trimmed, so no
     * value can start a header line. Malformed references render as typed.
     */
    public String render(Map<String, String> values) {
        int n = names.length;
        String[] resolved = variableCount == 0 ? null : new String[n];
        int capacity = literalLength;
        for (int i = 0; i < n; i++) {
            String name = names[i];
            if (name != null) {
                String v = values.get(name);
                if (v == null || v.isEmpty()) {
                    v = fallbacks[i] == null ? "" : fallbacks[i];
                }
                resolved[i] = v;
                capacity += v.length();
            }
        }
        StringBuilder sb = new StringBuilder(capacity);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            String text;
            boolean knownClean;
            if (names[i] == null) {
                text = literals[i];
                knownClean = clean[i];
            } else {
                text = resolved[i];
                knownClean = !SubjectText.hasControl(text);
            }
            if (knownClean) {
                if (!text.isEmpty()) {
                    if (pendingSpace && sb.length() > 0) {
                        sb.append(' ');
                    }
                    pendingSpace = false;
                    sb.append(text);
                }
            } else {
                pendingSpace = SubjectText.appendCollapsed(sb, text, pendingSpace);
            }
        }
        return SubjectText.trim(sb);
    }
}
