package io.cockpit.smtp.core.template;

/**
 * What makes a rendered subject safe for a header: control characters (CR, LF, TAB, NUL, the other ISO controls and
 * the Unicode line and paragraph separators) collapse to one space per run, and the ends are trimmed.
 */
public final class SubjectText {
    private SubjectText() {
    }

    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }

    public static boolean hasControl(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (isControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Appends {@code text} with each run of control characters as one space; a run at the very start of the output is
     * dropped. Returns whether a run is still pending at the end of {@code text} (it may join the next piece's).
     */
    static boolean appendCollapsed(StringBuilder sb, String text, boolean pendingSpace) {
        boolean pending = pendingSpace;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                pending = true;
            } else {
                if (pending && sb.length() > 0) {
                    sb.append(' ');
                }
                pending = false;
                sb.append(c);
            }
        }
        return pending;
    }

    /** The text without the blanks (spaces, no-break spaces, other Unicode spaces) at either end. */
    static String trim(StringBuilder sb) {
        int from = 0;
        int to = sb.length();
        while (from < to && isBlank(sb.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(sb.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == sb.length() ? sb.toString() : sb.substring(from, to);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
