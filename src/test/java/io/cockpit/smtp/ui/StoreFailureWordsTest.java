package io.cockpit.smtp.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.store.DbLocation;
import io.cockpit.smtp.core.store.StoreException;
import io.cockpit.smtp.ui.common.I18n;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreFailureWordsTest {
    static final String URL = "jdbc:postgresql://db.example.com:5432/cockpit";
    static final StoreException.Facts FACTS = new StoreException.Facts("db.example.com:5432", "cockpit", "svc_cockpit",
            "public", "/home/u/.cockpit-smtp/cockpit.h2-password");

    @Test
    void everyReasonIsWordedInBothLanguagesWithItsFactsFilledIn() {
        DbLocation location = DbLocation.resolve(URL, "/tmp/k.key", Map.of());
        for (Locale lang : I18n.SUPPORTED) {
            I18n i18n = new I18n(lang);
            for (StoreException.Reason reason : StoreException.Reason.values()) {
                StoreException e = StoreException.of(reason, URL, FACTS, new java.sql.SQLException("driver says no"));
                String words = StoreFailureWords.sentence(i18n, e, location);
                assertFalse(words.contains("{") || words.contains("null"), lang + " " + reason + ": " + words);
                assertTrue(words.contains(URL) || words.contains("db.example.com:5432")
                        || words.contains(FACTS.passwordFile()), lang + " " + reason + ": " + words);
            }
        }
    }

    @Test
    void aLoginRefusedNamesTheServerAndTheUser() {
        StoreException e = StoreException.of(StoreException.Reason.LOGIN_FAILED, URL, FACTS, null);
        String fr = StoreFailureWords.sentence(new I18n(Locale.FRENCH), e, DbLocation.resolve(URL, "/tmp/k", Map.of()));
        assertTrue(fr.contains("db.example.com:5432") && fr.contains("svc_cockpit"), fr);
    }
}
