package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.BulkOutbox;
import io.cockpit.smtp.testing.OnEveryStore;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Finding a message among many, in the store: by recipient (any case), a piece of the subject, the Message-ID, and the
 * filters, newest first, a page at a time.
 */
@OnEveryStore
class OutboxSearchTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int COUNT = 3_000;

    @Parameter StoreKind store;
    @TempDir Path dir;
    private CoreServices s;

    @BeforeEach
    void aBusyOutbox() {
        s = TestStore.open(store, dir);
        BulkOutbox.fill(s.database(), COUNT, START);
    }

    @AfterEach
    void close() {
        s.close();
    }

    private OutboxQuery query(String to, String subject, String messageId) {
        return new OutboxQuery(null, null, null, to, subject, messageId, null, null, 50, null);
    }

    @Test
    void oneRecipientIsFoundWhateverTheCaseOfTheAddress() {
        OutboxPage page = s.outbox().search(query("USER1234@Example.COM", null, null));
        assertEquals(List.of(BulkOutbox.FIRST_ID + 1234), ids(page));
        assertFalse(page.hasMore());
    }

    @Test
    void aPieceOfTheSubjectFindsEveryMessageThatHoldsItNewestFirst() {
        OutboxPage page = s.outbox().search(query(null, "TICKET 2999 mis", null));
        assertEquals(List.of(BulkOutbox.FIRST_ID + 2999), ids(page));
        List<Long> resets = ids(s.outbox().search(query(null, "réinitialisation", null)));
        assertEquals(50, resets.size());
        assertEquals(BulkOutbox.FIRST_ID + 2997, resets.get(0), "the newest password reset first");
    }

    @Test
    void aLikeWildcardInTheSubjectIsTakenLiterally() {
        assertTrue(s.outbox().search(query(null, "%", null)).messages().isEmpty());
        assertTrue(s.outbox().search(query(null, "Ticket _ mis", null)).messages().isEmpty());
    }

    @Test
    void theMessageIdMatchesWithOrWithoutItsAngleBrackets() {
        assertEquals(List.of(BulkOutbox.FIRST_ID + 42), ids(s.outbox().search(query(null, null, "bulk-42@example.com"))));
        assertEquals(List.of(BulkOutbox.FIRST_ID + 42), ids(s.outbox().search(query(null, null, "<bulk-42@example.com>"))));
    }

    @Test
    void theFiltersApplyTogether() {
        Instant since = START.plusSeconds(1000);
        Instant until = START.plusSeconds(1010);
        OutboxPage page = s.outbox().search(new OutboxQuery(OutboxStatus.SENT, Flow.PASSWORD_RESET, "local", null, null,
                null, since, until, 50, null));
        assertEquals(List.of(1008L, 1005L, 1002L).stream().map(i -> BulkOutbox.FIRST_ID + i).toList(), ids(page));
        assertTrue(s.outbox().search(new OutboxQuery(OutboxStatus.FAILED, null, null, null, null, null, null, null, 50,
                null)).messages().isEmpty());
        assertTrue(s.outbox().search(new OutboxQuery(null, null, "dmz", null, null, null, null, null, 50, null))
                .messages().isEmpty());
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeat() {
        OutboxQuery q = new OutboxQuery(null, Flow.PASSWORD_RESET, null, null, null, null, null, null, 400, null);
        List<Long> all = new ArrayList<>();
        OutboxPage page = s.outbox().search(q);
        all.addAll(ids(page));
        int pages = 1;
        while (page.hasMore()) {
            page = s.outbox().search(q.after(page.next()));
            all.addAll(ids(page));
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(COUNT / 3, all.size());
        Set<Long> distinct = new HashSet<>(all);
        assertEquals(all.size(), distinct.size());
        assertEquals(BulkOutbox.FIRST_ID + COUNT - 3, all.get(0));
        assertEquals(BulkOutbox.FIRST_ID, all.get(all.size() - 1));
        assertNull(page.next());
    }

    @Test
    void aPageSizeOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> s.outbox().search(OutboxQuery.newest(0)));
        assertThrows(IllegalArgumentException.class, () -> s.outbox().search(OutboxQuery.newest(OutboxService.MAX_PAGE + 1)));
    }

    private static List<Long> ids(OutboxPage page) {
        return page.messages().stream().map(OutboxMessage::id).toList();
    }
}
