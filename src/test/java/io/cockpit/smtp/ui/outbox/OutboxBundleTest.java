package io.cockpit.smtp.ui.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.ui.common.I18n;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every word of the File d'envoi screen and the outbox status bar is in both languages, and formats cleanly. */
class OutboxBundleTest {
    private static Properties bundle(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStream in = OutboxBundleTest.class.getResourceAsStream("/io/cockpit/smtp/ui/i18n/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static List<String> neededKeys() throws Exception {
        List<String> keys = new ArrayList<>(List.of("nav.operations", "nav.outbox", "outbox.filter.all",
                "outbox.warning.waiting", "outbox.warning.failed", "outbox.statusbar.counts", "outbox.statusbar.inactive",
                "outbox.statusbar.warning"));
        for (OutboxStatus s : OutboxStatus.values()) keys.add("outbox.status." + s.name());
        for (Flow f : Flow.values()) keys.add("outbox.flow." + f.name());
        for (OutboxViewModel.Notice n : OutboxViewModel.Notice.values()) keys.add("outbox.notice." + n.name());
        try (InputStream in = OutboxBundleTest.class.getResourceAsStream(OutboxScreen.FXML)) {
            Matcher m = Pattern.compile("\"%([a-zA-Z0-9_.]+)\"").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) keys.add(m.group(1));
        }
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_fr", "_en"})
    void everyKeyIsInTheBundle(String suffix) throws Exception {
        Properties p = bundle(suffix);
        for (String key : neededKeys()) {
            assertTrue(p.containsKey(key), "messages" + suffix + " lacks " + key);
        }
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
