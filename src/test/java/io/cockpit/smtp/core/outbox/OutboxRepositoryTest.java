package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.validation.ValidationException;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.OnEveryStore;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

@OnEveryStore
class OutboxRepositoryTest {
    @Parameter StoreKind store;
    @TempDir Path dir;

    static NewMessage msg(String to) {
        return new NewMessage("ticket-notification", List.of(to), "fr", "user", null, null,
                Map.of("TICKET_ID", "42", "TICKET_TITLE", "Imprimante"), null);
    }

    @Test
    void enqueuedMessageKeepsItsFieldsAndOneMessageId() throws Exception {
        try (CoreServices s = TestStore.open(store, dir)) {
            long id = s.outbox().enqueue(msg("a@example.com"));
            OutboxMessage m = s.outbox().find(id).orElseThrow();
            assertEquals(OutboxStatus.QUEUED, m.status());
            assertEquals(Flow.TICKET_NOTIFICATION, m.flow());
            assertEquals(List.of("a@example.com"), m.to());
            assertEquals("Ticket 42 : Imprimante", m.subject());
            assertTrue(m.messageId().matches("<[^@>]+@[^>]+>"), m.messageId());
            assertEquals("local", m.engine());
            assertEquals(Map.of("TICKET_ID", "42", "TICKET_TITLE", "Imprimante"), m.vars());
            assertNotNull(m.htmlBody());
        }
    }

    @Test
    void batchWithOneBadLineStoresNothingAndNamesTheLine() throws Exception {
        try (CoreServices s = TestStore.open(store, dir)) {
            ValidationException e = assertThrows(ValidationException.class, () -> s.outbox().enqueueAll(List.of(
                    msg("a@example.com"), msg("not-an-address"), msg("b@example.com"))));
            assertEquals("line 2: to", e.problems().get(0).field());
            assertTrue(s.outbox().list(null, null, 10).isEmpty());
        }
    }

    @Test
    void subjectIsRefusedForReportNotification() throws Exception {
        try (CoreServices s = TestStore.open(store, dir)) {
            ValidationException e = assertThrows(ValidationException.class, () -> s.outbox().enqueue(new NewMessage(
                    "report-notification", List.of("a@example.com"), "en", null, "mine", null, Map.of(), null)));
            assertEquals("subject", e.problems().get(0).field());
        }
    }
}
