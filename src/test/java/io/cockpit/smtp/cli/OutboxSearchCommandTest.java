package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.cockpit.smtp.core.CoreServices;
import io.cockpit.smtp.core.store.StoreKind;
import io.cockpit.smtp.testing.BulkOutbox;
import io.cockpit.smtp.testing.OnEveryStore;
import io.cockpit.smtp.testing.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** {@code outbox list --to/--subject/--message-id/--since/--until}: the outbox searched in the store. */
@OnEveryStore
class OutboxSearchCommandTest {
    /** One in the morning here: the 500 messages all fall on this computer's 1 March, whatever its time zone. */
    private static final Instant START = java.time.LocalDate.of(2026, 3, 1).atTime(1, 0)
            .atZone(java.time.ZoneId.systemDefault()).toInstant();

    @Parameter StoreKind store;
    @TempDir Path dir;

    @BeforeEach
    void aBusyOutbox() {
        try (CoreServices s = TestStore.open(store, dir)) {
            BulkOutbox.fill(s.database(), 500, START);
        }
    }

    private CliRun run(String... args) {
        return CliRun.run(store, dir, null, args);
    }

    @Test
    void oneRecipientsMessageIsFoundByAddressAndTime() {
        CliRun r = run("outbox", "list", "--to", "User300@EXAMPLE.com", "--since", START.plusSeconds(300).toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(BulkOutbox.FIRST_ID + 300), ids(r.json()));
        CliRun before = run("outbox", "list", "--to", "user300@example.com", "--until", START.plusSeconds(299).toString(), "--json");
        assertEquals(List.of(), ids(before.json()));
    }

    @Test
    void aDayGivenToSinceAndUntilIsThatWholeDay() {
        CliRun r = run("outbox", "list", "--since", "2026-03-01", "--until", "2026-03-01", "--subject", "mot de passe",
                "--limit", "1000", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(167, r.json().size(), "every password reset of the day (one message in three, 0 to 498)");
    }

    @Test
    void aLimitAboveOnePageIsReadPageByPage() {
        CliRun r = run("outbox", "list", "--limit", "450", "--json");
        assertEquals(450, r.json().size());
        assertEquals(BulkOutbox.FIRST_ID + 499, r.json().get(0).get("id").asLong());
    }

    @Test
    void theMessageIdFindsItsMessage() {
        CliRun r = run("outbox", "list", "--message-id", "bulk-7@example.com", "--json");
        assertEquals(List.of(BulkOutbox.FIRST_ID + 7), ids(r.json()));
    }

    @Test
    void aMomentThatIsNotOneIsRefusedNamingTheField() {
        CliRun r = run("outbox", "list", "--since", "last tuesday");
        assertEquals(ExitCode.INVALID, r.code());
        assertEquals("since: must be a date (2024-05-31), a date and time (2024-05-31T14:30, 2024-05-31T14:30:00Z) or an"
                + " age such as 24h, 7d or P1M", r.err().lines().findFirst().orElseThrow());
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(m -> out.add(m.get("id").asLong()));
        return out;
    }
}
