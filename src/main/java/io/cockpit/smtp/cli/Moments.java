package io.cockpit.smtp.cli;

import io.cockpit.smtp.core.validation.Problem;
import io.cockpit.smtp.core.validation.ValidationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * A moment given on the command line ({@code outbox list --since/--until}): an instant with its offset
 * ({@code 2024-05-31T14:30:00Z}), a date and time in this computer's time zone ({@code 2024-05-31T14:30}), a date,
 * {@code today}, {@code yesterday}, or an age before now ({@code 24h}, {@code P1M}, as {@link Ages} reads it). A date
 * is a whole day: from its start for {@code --since}, up to its end for {@code --until}, so that one date given to
 * both finds that day's messages.
 */
final class Moments {
    private Moments() {
    }

    /** The first instant {@code text} covers. */
    static Instant since(String text, ZonedDateTime now, String field) throws ValidationException {
        return parse(text, now, field, false);
    }

    /** The instant after the last one {@code text} covers (a date: the start of the next day). */
    static Instant until(String text, ZonedDateTime now, String field) throws ValidationException {
        return parse(text, now, field, true);
    }

    private static Instant parse(String text, ZonedDateTime now, String field, boolean end) throws ValidationException {
        String t = text == null ? "" : text.strip();
        LocalDate day = switch (t.toLowerCase(Locale.ROOT)) {
            case "today" -> now.toLocalDate();
            case "yesterday" -> now.toLocalDate().minusDays(1);
            default -> null;
        };
        try {
            if (day == null && t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                day = LocalDate.parse(t);
            }
            if (day != null) {
                return (end ? day.plusDays(1) : day).atStartOfDay(now.getZone()).toInstant();
            }
            String iso = t.replace(' ', 'T');
            if (iso.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
                if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                    return OffsetDateTime.parse(iso.endsWith("Z") ? iso : iso.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2"))
                            .toInstant();
                }
                return LocalDateTime.parse(iso).atZone(now.getZone()).toInstant();
            }
        } catch (DateTimeException e) {
            throw ValidationException.of(field, Problem.DATE_INVALID);
        }
        try {
            return now.toInstant().minus(Ages.parse(t, now, field));
        } catch (ValidationException e) {
            throw ValidationException.of(field, Problem.DATE_INVALID);
        }
    }
}
