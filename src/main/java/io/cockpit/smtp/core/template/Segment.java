package io.cockpit.smtp.core.template;

/**
 * One piece of a parsed template, with its place in the source text ({@code start} inclusive, {@code end} exclusive,
 * UTF-16 offsets as the editor counts them). The editor highlights from these, the problems list points at them and
 * the renderer walks them: the three always agree because they read the same list.
 */
public sealed interface Segment permits Segment.Literal, Segment.Variable, Segment.Malformed {
    int start();

    int end();

    /**
     * Text that renders as itself.
     *
     * @param text what it renders as ({@code ${} for the escape {@code $${})
     * @param escape true for a {@code $${} escape, so the editor can show it apart
     */
    record Literal(int start, int end, String text, boolean escape) implements Segment {
    }

    /**
     * {@code ${NAME}} or {@code ${NAME:-fallback}}.
     *
     * @param fallback the literal fallback text, or null when there is none ({@code ""} for {@code ${NAME:-}})
     * @param nameStart where NAME starts in the source (after {@code ${})
     */
    record Variable(int start, int end, String name, String fallback, int nameStart) implements Segment {
        public int nameEnd() {
            return nameStart + name.length();
        }
    }

    /** A {@code ${...}} that is not a valid reference; it renders as its source text and is a syntax error. */
    record Malformed(int start, int end, String source, TemplateProblem problem) implements Segment {
    }
}
