package io.cockpit.smtp.core.mail;

/**
 * A header value is one line: every run of control characters (CR, LF, TAB, NUL, ...) becomes one space and the ends
 * are trimmed, so no value can start a header line of its own.
 */
public final class HeaderText {
    private HeaderText() {
    }

    public static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control) {
                if (!inRun) {
                    sb.append(' ');
                }
                inRun = true;
            } else {
                sb.append(c);
                inRun = false;
            }
        }
        return sb.toString().strip();
    }
}
