package io.cockpit.smtp.core.format;

import java.util.List;

/** The languages offered when adding one to the portal (any valid tag can still be typed on the command line). */
public final class PortalLanguages {
    public static final List<String> CHOICES = List.of("fr", "en", "de", "es", "it", "pt", "pt-BR", "nl", "pl", "sv",
            "da", "fi", "nb", "cs", "ro", "hu", "el", "tr", "ru", "uk", "ar", "he", "ja", "ko", "zh-Hans", "zh-Hant");

    private PortalLanguages() {
    }
}
