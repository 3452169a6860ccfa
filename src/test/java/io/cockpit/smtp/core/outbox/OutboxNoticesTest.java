package io.cockpit.smtp.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The outbox's notices between processes, as written and read back. */
class OutboxNoticesTest {
    @Test
    void aQueuedNoticeWakesOnlyItsEngineUnlessItIsForEveryEngine() {
        OutboxNotices.Notice lyon = OutboxNotices.parse(OutboxNotices.queued("lyon")).orElseThrow();
        assertTrue(lyon.queuedFor("lyon"));
        assertFalse(lyon.queuedFor("lille"));
        assertTrue(OutboxNotices.parse(OutboxNotices.queued(OutboxNotices.ANY_ENGINE)).orElseThrow().queuedFor("lille"));
    }

    @Test
    void aMissedNoticeReadsAsAnythingMayHaveChangedForEveryEngine() {
        assertTrue(OutboxNotices.parse(null).orElseThrow().queuedFor("lyon"));
    }

    @Test
    void aChangedNoticeKeepsItsStatusAndIds() {
        OutboxNotices.Notice n = OutboxNotices.parse(OutboxNotices.changed(OutboxStatus.SENT, List.of(3L, 14L))).orElseThrow();
        assertEquals(OutboxStatus.SENT, n.status());
        assertEquals(List.of(3L, 14L), n.ids());
        assertFalse(n.queuedFor("lyon"));
    }

    @Test
    void tooManyIdsForOneNoticeNameNoneSoEverythingIsRefreshed() {
        List<Long> ids = LongStream.range(1_000_000_000L, 1_000_002_000L).boxed().toList();
        String payload = OutboxNotices.changed(OutboxStatus.FAILED, ids);
        assertTrue(payload.length() < 8000, "PostgreSQL refuses payloads of 8000 bytes: " + payload.length());
        OutboxNotices.Notice n = OutboxNotices.parse(payload).orElseThrow();
        assertEquals(OutboxStatus.FAILED, n.status());
        assertEquals(List.of(), n.ids());
    }

    @Test
    void aNoticeOfANewerProgramIsIgnored() {
        assertTrue(OutboxNotices.parse("moved:lyon").isEmpty());
        assertTrue(OutboxNotices.parse("changed:no-such-status:1").isEmpty());
    }
}
