package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An age given on the command line: the short forms {@code 30d}, {@code 12h}, {@code 15m}, {@code 45s}, or a whole
 * ISO-8601 duration with its date part ({@code P1Y2M3W4D}) and its time part ({@code T12H30M5S}), as long before now
 * as the calendar says (a month back from now, not 30 days). Anything else is refused, never half read.
 */
final class Ages {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([dhms])");
    private static final Pattern ISO = Pattern.compile("P((?:\\d{1,9}[YMWD])*)(?:T((?:\\d{1,9}(?:\\.\\d{1,9})?[HMS])+))?");
    private static final Pattern DATE_PART = Pattern.compile("(?:\\d+Y)?(?:\\d+M)?(?:\\d+W)?(?:\\d+D)?");
    private static final Pattern TIME_PART = Pattern.compile("(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?");

    private Ages() {
    }

    /** How long before {@code now} the age reaches; {@code field} is named when the text is refused. */
    static Duration parse(String text, ZonedDateTime now, String field) throws ValidationException {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        Matcher s = SHORT.matcher(t.toLowerCase(Locale.ROOT));
        if (s.matches()) {
            long v = Long.parseLong(s.group(1));
            return switch (s.group(2)) {
                case "d" -> Duration.ofDays(v);
                case "h" -> Duration.ofHours(v);
                case "m" -> Duration.ofMinutes(v);
                default -> Duration.ofSeconds(v);
            };
        }
        Matcher iso = ISO.matcher(t);
        String date = iso.matches() ? iso.group(1) : null;
        String time = iso.matches() ? iso.group(2) : null;
        // "P" or "PT" alone, units out of order or given twice: not a duration.
        if (date == null || (date.isEmpty() && time == null) || !DATE_PART.matcher(date).matches()
                || (time != null && !TIME_PART.matcher(time).matches())) {
            throw ValidationException.of(field, Problem.DURATION_INVALID);
        }
        try {
            Period period = date.isEmpty() ? Period.ZERO : Period.parse("P" + date);
            Duration clock = time == null ? Duration.ZERO : Duration.parse("PT" + time);
            ZonedDateTime then = now.minus(period).minus(clock);
            return Duration.between(then, now);
        } catch (DateTimeException | ArithmeticException e) {
            throw ValidationException.of(field, Problem.DURATION_INVALID);
        }
    }
}
