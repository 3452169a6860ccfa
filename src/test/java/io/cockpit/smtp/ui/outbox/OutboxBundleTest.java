package io.cockpit.smtp.ui.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.ui.BundleCheck;
import io.cockpit.smtp.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every word of the File d'envoi screen and the outbox status bar is in both languages, and formats cleanly. */
class OutboxBundleTest {
    private static List<String> neededKeys() throws Exception {
        List<String> keys = new ArrayList<>(List.of("nav.operations", "nav.outbox", "outbox.filter.all",
                "outbox.warning.waiting", "outbox.warning.failed", "outbox.statusbar.counts", "outbox.statusbar.inactive",
                "outbox.statusbar.warning"));
        for (OutboxStatus s : OutboxStatus.values()) keys.add("outbox.status." + s.name());
        for (Flow f : Flow.values()) keys.add("outbox.flow." + f.name());
        for (OutboxViewModel.Notice n : OutboxViewModel.Notice.values()) keys.add("outbox.notice." + n.name());
        keys.addAll(BundleCheck.fxmlKeys(OutboxScreen.FXML));
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_fr", "_en"})
    void everyKeyIsInTheBundle(String suffix) throws Exception {
        BundleCheck.assertAllInBundle(suffix, neededKeys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void sentencesWithNumbersFormatWithoutStrayQuotes(String lang) {
        I18n i18n = new I18n(Locale.forLanguageTag(lang));
        String counts = i18n.get("outbox.statusbar.counts", 3, 2, 1);
        assertTrue(counts.contains("3") && counts.contains("2") && counts.contains("1"), counts);
        String failed = i18n.of("outbox.notice", OutboxViewModel.Notice.FAILED, 0);
        assertFalse(failed.contains("''"), failed);
        assertTrue(i18n.get("outbox.warning.waiting", 15).contains("15"));
    }
}
