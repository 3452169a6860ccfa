package io.cockpit.smtp.core.mail.diagnosis;

/**
 * One line of the conversation, already masked.
 *
 * @param nanos when it was seen ({@link System#nanoTime()}), to time the steps
 */
public record TranscriptLine(long nanos, Kind kind, String text) {
    public enum Kind {
        /** Sent by the server. */
        SERVER,
        /** Sent by us. */
        CLIENT,
        /** Our own remark (a handshake, a timeout). */
        NOTE,
        /** Angus's own debug remarks: used to place events, not shown. */
        DEBUG
    }

    /** A server line that ends its reply: the code alone, or the code and a space (not a dash, which says more follows). */
    public boolean endsReply() {
        return kind == Kind.SERVER && (text.length() == 3 || (text.length() > 3 && text.charAt(3) == ' '));
    }

    /** "S: ...", "C: ...", "* ..." like swaks; null for debug lines. */
    public String display() {
        return switch (kind) {
            case SERVER -> "S: " + text;
            case CLIENT -> "C: " + text;
            case NOTE -> "* " + text;
            case DEBUG -> null;
        };
    }
}
