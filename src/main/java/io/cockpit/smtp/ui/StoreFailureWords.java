package io.cockpit.smtp.ui;

import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.StoreException;
import io.cockpit.smtp.ui.common.I18n;

/** The sentence of the dialog shown when the store cannot be opened, in the console's language. */
final class StoreFailureWords {
    private StoreFailureWords() {
    }

    static String sentence(I18n i18n, Throwable e, DbLocation location) {
        if (!(e instanceof StoreException s)) {
            return i18n.of("store.error", StoreException.Reason.UNAVAILABLE, location.display());
        }
        StoreException.Facts f = s.facts();
        String sentence = i18n.of("store.error", s.reason(), s.location(), f.server(), f.user(), f.database(), f.schema(),
                f.passwordFile(), s.causeText());
        if (s.reason() == StoreException.Reason.UNAVAILABLE && s.getCause() != null) {
            // No words of ours fit an unforeseen cause: show its own (a technical fact, such as the driver's
            // message), so the administrator can act on it; our sentence above already says the rest.
            sentence += "\n" + s.causeText();
        }
        return sentence;
    }
}
