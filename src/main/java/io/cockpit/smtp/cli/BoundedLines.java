package io.cockpit.smtp.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a character stream, each held only up to a maximum length: a longer line is read to its end and dropped,
 * so a file of one gigabyte-long line costs a small buffer, not the line. Ends of line: LF, with a CR before it
 * dropped.
 */
final class BoundedLines {
    /** One line: its number (from 1) and text, or no text when it was longer than the maximum. */
    record Line(int number, String text) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int max;
    private final char[] buffer = new char[8192];
    private int pos;
    private int end;
    private int number;

    BoundedLines(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean overflow = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buffer);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            if (!overflow) {
                if (line.length() + (pos - start) > max) {
                    overflow = true;
                    line = null;
                } else {
                    line.append(buffer, start, pos - start);
                }
            }
            if (pos < end) {
                pos++; // the LF
                break;
            }
        }
        number++;
        if (overflow) {
            return new Line(number, null);
        }
        int n = line.length();
        return new Line(number, n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString());
    }
}
