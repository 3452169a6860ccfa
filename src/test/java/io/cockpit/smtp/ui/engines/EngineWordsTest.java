package io.cockpit.smtp.ui.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cockpit.smtp.ui.common.I18n;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long ago an engine was seen, and what its state says about its messages, in both languages. */
class EngineWordsTest {
    private static final Instant SEEN = Instant.parse("2026-01-15T10:00:00Z");

    private static EngineRow row(boolean online, long queued, long deferred) {
        return new EngineRow("lyon", true, online, SEEN, Duration.ofSeconds(30), "lyon-01", "1.4.0", 42L, SEEN, false,
                queued, deferred, 0);
    }

    @ParameterizedTest
    @CsvSource({
            "fr, 0, à l'instant",
            "fr, 1, à l'instant",
            "fr, 12, il y a 12 s",
            "fr, 59, il y a 59 s",
            "fr, 60, il y a 1 min",
            "fr, 3599, il y a 59 min",
            "fr, 7200, il y a 2 h",
            "en, 12, 12 s ago",
            "en, 3600, 1 h ago"})
    void agoReadsAsAPersonSaysIt(String lang, long seconds, String expected) {
        EngineWords words = new EngineWords(new I18n(Locale.forLanguageTag(lang)));
        assertEquals(expected, words.ago(Duration.ofSeconds(seconds), SEEN));
    }

    @ParameterizedTest
    @CsvSource({
            "fr, true, 3, 1, En ligne",
            "fr, false, 0, 0, Hors ligne",
            "fr, false, 3, 1, 'Hors ligne, 4 en attente'",
            "en, false, 3, 1, 'Offline, 4 waiting'"})
    void anOfflineEnginesStateCountsWhatWaitsForIt(String lang, boolean online, long queued, long deferred,
                                                   String expected) {
        EngineWords words = new EngineWords(new I18n(Locale.forLanguageTag(lang)));
        assertEquals(expected, words.state(row(online, queued, deferred)));
    }

    @ParameterizedTest
    @CsvSource({"fr", "en"})
    void aNeverSeenEngineWasSeenNever(String lang) {
        EngineWords words = new EngineWords(new I18n(Locale.forLanguageTag(lang)));
        assertEquals(lang.equals("fr") ? "jamais" : "never", words.ago(null, null));
    }
}
