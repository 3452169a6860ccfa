package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInContentTest {
    @Test
    void aBodyLinksToTheConfiguredPortal() {
        BuiltInContent.Content c = BuiltInContent.content(Flow.TICKET_NOTIFICATION, "fr", Map.of("TICKET_ID", "7"),
                "https://itsm.example.com/portal/");
        assertTrue(c.text().contains("https://itsm.example.com/portal/"));
        assertTrue(c.html().contains("href=\"https://itsm.example.com/portal/\""));
    }

    @Test
    void withoutAConfiguredPortalUrlABodyHasNoLinkRatherThanAWrongOne() {
        BuiltInContent.Content c = BuiltInContent.content(Flow.TICKET_NOTIFICATION, "en", Map.of("TICKET_ID", "7"),
                PortalLinks.of(null, " ").userUrl());
        assertFalse(c.text().contains("http"), c.text());
        assertFalse(c.html().contains("href"), c.html());
        assertTrue(c.text().contains("7"), c.text());
    }
}
