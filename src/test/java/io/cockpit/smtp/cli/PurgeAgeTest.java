package io.cockpit.smtp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cockpit.smtp.core.validation.ValidationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code outbox purge --older-than}: every form read whole, or refused. */
class PurgeAgeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1} to {2} hours")
    @CsvSource({
            "30d,      720,  720",
            "12h,       12,   12",
            "PT12H,     12,   12",
            "pt90m,    1.5,  1.5",
            "P2D,       48,   48",
            "P1W,      168,  168",
            "P1DT12H,   36,   36",
            // A calendar month back from now: 28 to 31 days, plus 2 days (never just the 2 days).
            "P1M2D,    720,  792",
            "P1Y,     8760, 8784",
            "PT45.5S, 0.0126, 0.0127",
    })
    void agesAreReadWhole(String text, double minHours, double maxHours) throws Exception {
        double hours = OutboxCommand.Purge.duration(text).toMillis() / 3_600_000.0;
        assertTrue(hours >= minHours - 1 && hours <= maxHours + 1, text + " read as " + hours + " h");
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"", "P", "PT", "1M2D", "P-1D", "PT-5H", "-P1D", "30x", "P1M2DT", "P2D1M", "P1.5D", "P1H",
            "PT1D", "P99999999999Y", "30 d", "P1D P2D"})
    void anythingElseIsRefused(String text) {
        assertThrows(ValidationException.class, () -> OutboxCommand.Purge.duration(text));
    }

    @Test
    void theCommandExitsTwoNamingTheOption() {
        CliRun r = CliRun.run(dir, null, "outbox", "purge", "--status", "sent", "--older-than", "P1M2DT");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("older-than:"), r.err());
        assertEquals(0, CliRun.run(dir, null, "outbox", "purge", "--status", "sent", "--older-than", "P1M2D").code());
    }
}
