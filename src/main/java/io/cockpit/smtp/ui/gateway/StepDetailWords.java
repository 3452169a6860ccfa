package io.cockpit.smtp.ui.gateway;

import io.cockpit.smtp.core.gateway.Authentication;
import io.cockpit.smtp.core.mail.diagnosis.Detail;
import io.cockpit.smtp.core.mail.diagnosis.Failure;
import io.cockpit.smtp.core.mail.diagnosis.StepResult;
import io.cockpit.smtp.core.oauth.OAuthException;
import io.cockpit.smtp.ui.common.I18n;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A diagnosis step's details in the console's language: each code through its key {@code diagnosis.detail.<CODE>},
 * codes among the values through their own families, dates and numbers in the user's locale, and technical values
 * (addresses, SMTP lines, cipher names, fingerprints) as they are.
 */
final class StepDetailWords {
    private final I18n i18n;

    StepDetailWords(I18n i18n) {
        this.i18n = i18n;
    }

    /**
     * The details one after another. An error (or a failed handshake) that means just what the step's outcome already
     * says is left out: the exception's own text is the JDK's English, and it stays in the transcript.
     */
    String of(StepResult step) {
        return step.details().stream().filter(d -> !repeats(d, step.failure()))
                .map(this::of).collect(Collectors.joining("; "));
    }

    private static boolean repeats(Detail d, Failure outcome) {
        return switch (d.code()) {
            case ERROR -> d.arg(0) == outcome;
            case HANDSHAKE_FAILED -> repeats((Detail) d.arg(0), outcome);
            default -> false;
        };
    }

    String of(Detail d) {
        return i18n.of("diagnosis.detail", d.code(), d.args().stream().map(this::value).toArray());
    }

    private Object value(Object v) {
        if (v instanceof Detail d) {
            return of(d);
        }
        if (v instanceof Failure f) {
            return i18n.of("diagnosis.failure", f);
        }
        if (v instanceof Authentication a) {
            return i18n.of("auth", a);
        }
        if (v instanceof OAuthException.Reason r) {
            return i18n.of("diagnosis.oauth", r);
        }
        if (v instanceof Instant t) {
            return i18n.dateTime(t);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return v; // a string as it is; a number, formatted by the bundle's pattern in the user's locale
    }
}
