package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.format.EmailFormat;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import org.junit.jupiter.params.Parameter;

/** The outbox uses the Email-format feature: the portal URLs in the bodies, the language's report subject template. */
@OnEveryStore
class FormatWiringTest {
    @Parameter StoreKind store;
    @TempDir Path dir;

    @Test
    void reportSubjectComesFromTheLanguageTemplateAndLinksFromTheFormat() throws Exception {
        try (CoreServices s = TestStore.open(store, dir)) {
            EmailFormat f = s.formats().load();
            s.formats().save(f.withUrls("https://support.example.com/", "https://support.example.com/agent/")
                    .withTemplate("en", "Weekly ${REPORT_NAME} is ready"));
            long en = s.outbox().enqueue(new NewMessage("report-notification", List.of("a@example.org"), "en", "operator",
                    null, null, Map.of("REPORT_NAME", "SLA\r\nBcc: x@example.net"), null));
            OutboxMessage m = s.outbox().find(en).orElseThrow();
            assertEquals("Weekly SLA Bcc: x@example.net is ready", m.subject(), "rendered, then made one line");
            assertTrue(m.body().contains("https://support.example.com/agent/"), m.body());
            long fr = s.outbox().enqueue(new NewMessage("password-reset", List.of("a@example.org"), "fr", "user",
                    null, null, Map.of(), null));
            assertTrue(s.outbox().find(fr).orElseThrow().body().contains("https://support.example.com/"));
        }
    }
}
