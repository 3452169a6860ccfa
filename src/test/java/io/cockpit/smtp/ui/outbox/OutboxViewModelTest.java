package io.cockpit.smtp.ui.outbox;

import static org.junit.jupiter.api.Assertions.*;

import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.gateway.GatewayStatus;
import io.cockpit.smtp.core.outbox.AttemptResult;
import io.cockpit.smtp.core.outbox.Claimant;
import io.cockpit.smtp.core.outbox.Flow;
import io.cockpit.smtp.core.outbox.OutboxClaimRepository;
import io.cockpit.smtp.core.outbox.OutboxStatus;
import io.cockpit.smtp.testing.Outboxes;
import io.cockpit.smtp.testing.TestStore;
import io.cockpit.smtp.ui.common.FxEvents;
import io.cockpit.smtp.ui.common.InlineRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The File d'envoi logic without the FX toolkit: inline runner, inline events, a real H2 file. */
class OutboxViewModelTest {
    @TempDir Path dir;
    CoreServices s;
    OutboxViewModel vm;
    long queued;
    long failed;
    long sent;

    @BeforeEach
    void open() throws Exception {
        s = TestStore.open(dir);
        TestStore.plainGateway(s, 2525, GatewayStatus.INACTIVE);
        List<Long> ids = s.outbox().enqueueAll(List.of(Outboxes.message("test", "q@example.org"),
                Outboxes.message("password-reset", "f@example.org"), Outboxes.message("feedback", "s@example.org")));
        queued = ids.get(0);
        failed = ids.get(1);
        sent = ids.get(2);
        OutboxClaimRepository claims = new OutboxClaimRepository(s.database());
        Claimant t = new Claimant("local", "t", 0);
        Instant now = Instant.now();
        claims.claim(t, now, now.plusSeconds(60), 10);
        claims.record(t, List.of(new AttemptResult(failed, OutboxStatus.FAILED, null, "550 no such user", null, List.of()),
                new AttemptResult(sent, OutboxStatus.SENT, null, null, now, List.of())), now);
        claims.release(t, List.of(queued), now);
        vm = new OutboxViewModel(s.outbox(), new InlineRunner(), FxEvents.inline());
        vm.refresh();
    }

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void tableShowsEveryMessageNewestFirstWithItsState() {
        assertEquals(3, vm.rows().size());
        OutboxRow f = vm.rows().stream().filter(r -> r.id() == failed).findFirst().orElseThrow();
        assertEquals(OutboxStatus.FAILED, f.status());
        assertEquals("550 no such user", f.lastError());
        assertEquals("f@example.org", f.recipients());
        assertEquals(1, f.attempts());
    }

    @Test
    void filtersNarrowTheTable() {
        vm.statusFilterProperty().set(OutboxStatus.FAILED);
        assertEquals(List.of(failed), vm.rows().stream().map(OutboxRow::id).toList());
        vm.statusFilterProperty().set(null);
        vm.flowFilterProperty().set(Flow.FEEDBACK);
        assertEquals(List.of(sent), vm.rows().stream().map(OutboxRow::id).toList());
    }

    @Test
    void selectingAMessageShowsItsRecipientsHeadersAndSource() {
        vm.selectedProperty().set(vm.rows().stream().filter(r -> r.id() == queued).findFirst().orElseThrow());
        String details = vm.detailsProperty().get();
        assertTrue(details.contains("q@example.org"), details);
        assertTrue(details.contains("Message-ID: " + s.outbox().find(queued).orElseThrow().messageId()), details);
        assertTrue(details.contains("Subject: "), details);
    }

    @Test
    void retryIsOnlyForFailedOrDeferredAndMakesThemQueued() {
        vm.selectedProperty().set(vm.rows().stream().filter(r -> r.id() == sent).findFirst().orElseThrow());
        assertTrue(vm.retryDisabled().get());
        vm.selectedProperty().set(vm.rows().stream().filter(r -> r.id() == failed).findFirst().orElseThrow());
        assertFalse(vm.retryDisabled().get());
        vm.retrySelected();
        assertEquals(OutboxStatus.QUEUED, Outboxes.get(s, failed).status());
        assertEquals(OutboxStatus.QUEUED, vm.selectedProperty().get().status(), "the table follows");
        assertEquals(OutboxViewModel.Notice.RETRIED, vm.noticeProperty().get());
    }

    @Test
    void purgeDeletesSentMessagesOnly() {
        vm.purge(OutboxStatus.SENT);
        assertTrue(s.outbox().find(sent).isEmpty());
        assertEquals(2, vm.rows().size());
        assertEquals(1, vm.noticeCountProperty().get());
    }

    @Test
    void summaryCountsAndSaysTheGatewayIsInactiveWhileMessagesWait() {
        OutboxSummaryViewModel sum = new OutboxSummaryViewModel(s.outbox(), s.gateways(), new InlineRunner(),
                FxEvents.inline(), Clock.systemUTC());
        sum.refresh();
        assertEquals(1, sum.queuedProperty().get());
        assertEquals(1, sum.failedProperty().get());
        assertTrue(sum.inactiveWithWaitingProperty().get());
        assertTrue(sum.failedRecentlyProperty().get(), "a failure in the last hour");
        assertFalse(sum.waitingTooLongProperty().get());
    }

    @Test
    void summaryWarnsWhenAMessageWaitedOverFifteenMinutes() {
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        OutboxSummaryViewModel sum = new OutboxSummaryViewModel(s.outbox(), s.gateways(), new InlineRunner(),
                FxEvents.inline(), later);
        sum.refresh();
        assertTrue(sum.waitingTooLongProperty().get());
    }
}
